/** The grouping assistant: a compound's sign-ups split into teams balanced in size, specialty, gender and age. */

export interface Signup {
  id: string;
  gender: 'male' | 'female';
  age: number | null;
  skills: readonly string[];
}

/** Age bands the assistant spreads: under 30, 30–44, 45–59, 60 and over, unknown. */
export function ageBand(age: number | null): number {
  if (age === null) return 4;
  return age < 30 ? 0 : age < 45 ? 1 : age < 60 ? 2 : 3;
}

/**
 * Each person's rarest specialty among the sign-ups (ties by name), or null without any: the one
 * the assistant spreads them by.
 */
export function primarySkills(people: readonly Signup[]): Map<string, string | null> {
  const count = new Map<string, number>();
  for (const p of people) for (const s of new Set(p.skills)) count.set(s, (count.get(s) ?? 0) + 1);
  const out = new Map<string, string | null>();
  for (const p of people) {
    const skills = [...new Set(p.skills)].sort((a, b) => count.get(a)! - count.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    out.set(p.id, skills[0] ?? null);
  }
  return out;
}

/**
 * Splits `people` into `teams` teams: sizes differ by at most one, everyone in exactly one team.
 * People go in order of their rarest specialty (the rarest first), then gender, then age band; each
 * goes to one of the smallest teams — the one with fewest of their specialty, then of their gender,
 * then of their age band, then the lowest number. Within any run of k placements each team gets one,
 * so a specialty held by m people lands at most ⌈m/k⌉ + 1 times in a team. Deterministic.
 */
export function proposeGroups(people: readonly Signup[], teams: number): string[][] {
  if (!Number.isInteger(teams) || teams < 1) throw new Error('队伍数必须是正整数');
  const k = Math.min(teams, Math.max(people.length, 1));
  const primary = primarySkills(people);
  const skillCount = new Map<string, number>();
  for (const s of primary.values()) if (s !== null) skillCount.set(s, (skillCount.get(s) ?? 0) + 1);
  const order = [...people].sort((a, b) => {
    const sa = primary.get(a.id) ?? null;
    const sb = primary.get(b.id) ?? null;
    if (sa !== sb) {
      if (sa === null) return 1;
      if (sb === null) return -1;
      return skillCount.get(sa)! - skillCount.get(sb)! || (sa < sb ? -1 : 1);
    }
    if (a.gender !== b.gender) return a.gender < b.gender ? -1 : 1;
    return ageBand(a.age) - ageBand(b.age) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const out: string[][] = Array.from({ length: k }, () => []);
  const tally = Array.from({ length: k }, () => new Map<string, number>());
  const bump = (t: number, key: string) => tally[t]!.set(key, (tally[t]!.get(key) ?? 0) + 1);
  const of = (t: number, key: string) => tally[t]!.get(key) ?? 0;
  for (const p of order) {
    const smallest = Math.min(...out.map((t) => t.length));
    const skill = `s:${primary.get(p.id) ?? ''}`;
    const gender = `g:${p.gender}`;
    const band = `a:${ageBand(p.age)}`;
    let best = -1;
    for (let t = 0; t < k; t++) {
      if (out[t]!.length !== smallest) continue;
      if (best < 0) {
        best = t;
        continue;
      }
      const d = of(t, skill) - of(best, skill) || of(t, gender) - of(best, gender) || of(t, band) - of(best, band);
      if (d < 0) best = t;
    }
    out[best]!.push(p.id);
    bump(best, skill);
    bump(best, gender);
    bump(best, band);
  }
  return out;
}
