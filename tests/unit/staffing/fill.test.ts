import { describe, expect, it } from 'vitest';
import loadHighs from 'highs';
import { createRandom, type Random } from '../../../maps/random';
import { autoFill, type FillPerson, type FillSlot } from '../../../db/staffing/fill';
import { checkRules, DEFAULT_RULES, missingSkills, outsideAvailability, overlapping, shortRest } from '../../../db/staffing/rules';

const H = 3_600_000;
const SHIFTS = [
  { startMinute: 7 * 60, minutes: 480 },
  { startMinute: 15 * 60, minutes: 480 },
  { startMinute: 23 * 60, minutes: 480 },
];

/** A week of `posts` posts × three shifts with random needs, and `people` people with random skills and availability. */
function instance(rng: Random, posts: number, people: number): { slots: FillSlot[]; persons: FillPerson[] } {
  const slots: FillSlot[] = [];
  for (let p = 0; p < posts; p++) {
    const skills = rng.chance(0.3) ? ['医护'] : [];
    const need = rng.int(1, 3);
    for (let d = 0; d < 7; d++)
      SHIFTS.forEach((s, k) => {
        const startsAt = (d * 24 * 60 + s.startMinute) * 60_000;
        slots.push({ key: `${p}|${k}|${d}`, startsAt, endsAt: startsAt + s.minutes * 60_000, weekday: d, ...s, week: 0, skills, open: rng.chance(0.2) ? 0 : need, night: k === 2 });
      });
  }
  const persons: FillPerson[] = Array.from({ length: people }, (_, i) => {
    const availability = rng.chance(0.3) ? null : [0, 1, 2, 3, 4, 5, 6].map(() => (rng.chance(0.7) ? 0xffffff : rng.pick([0x7f8000, 0xff80, 0x80007f])));
    return { id: `p${i}`, skills: rng.chance(0.35) ? ['医护'] : [], availability, shifts: [] };
  });
  return { slots, persons };
}

/** The most places the instance can fill under the rules, by MILP. */
function optimum(highs: Awaited<ReturnType<typeof loadHighs>>, slots: FillSlot[], persons: FillPerson[]): number {
  const vars: { name: string; p: number; s: number }[] = [];
  persons.forEach((person, p) =>
    slots.forEach((slot, s) => {
      if (slot.open === 0 || missingSkills(slot.skills, person.skills).length || outsideAvailability(person.availability, slot.weekday, slot.startMinute, slot.minutes)) return;
      vars.push({ name: `x${p}_${s}`, p, s });
    }),
  );
  if (!vars.length) return 0;
  const rows: string[] = [];
  const bySlot = new Map<number, string[]>();
  const byPerson = new Map<number, typeof vars>();
  for (const v of vars) {
    bySlot.set(v.s, [...(bySlot.get(v.s) ?? []), v.name]);
    byPerson.set(v.p, [...(byPerson.get(v.p) ?? []), v]);
  }
  for (const [s, names] of bySlot) rows.push(`${names.join(' + ')} <= ${slots[s]!.open}`);
  for (const list of byPerson.values()) {
    rows.push(`${list.map((v) => `${(slots[v.s]!.endsAt - slots[v.s]!.startsAt) / H} ${v.name}`).join(' + ')} <= ${DEFAULT_RULES.maxWeekMs / H}`);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = slots[list[i]!.s]!;
        const b = slots[list[j]!.s]!;
        if (overlapping(a, [b]) || shortRest(a, [b], DEFAULT_RULES.minRestMs) !== null) rows.push(`${list[i]!.name} + ${list[j]!.name} <= 1`);
      }
  }
  const lp = `Maximize\n obj: ${vars.map((v) => v.name).join(' + ')}\nSubject To\n${rows.map((r, i) => ` c${i}: ${r}`).join('\n')}\nBinary\n ${vars.map((v) => v.name).join(' ')}\nEnd`;
  const out = highs.solve(lp, { output_flag: false, time_limit: 60 } as never);
  expect(out.Status).toBe('Optimal');
  return Math.round(out.ObjectiveValue);
}

describe('auto-fill', () => {
  it('never proposes a place that breaks a rule or more people than a shift needs', () => {
    const { slots, persons } = instance(createRandom(7), 6, 14);
    const { picks } = autoFill(slots, persons, DEFAULT_RULES);
    const held = new Map<string, { startsAt: number; endsAt: number }[]>();
    const perSlot = new Map<string, number>();
    for (const { key, personId } of picks) {
      const slot = slots.find((s) => s.key === key)!;
      const person = persons.find((p) => p.id === personId)!;
      const mine = held.get(personId) ?? [];
      const warnings = checkRules({ shift: slot, postSkills: slot.skills, person, others: mine, week: { from: 0, to: 7 * 24 * H } });
      expect(warnings).toEqual([]);
      held.set(personId, [...mine, slot]);
      perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
    }
    for (const [key, n] of perSlot) expect(n).toBeLessThanOrEqual(slots.find((s) => s.key === key)!.open);
    expect(picks.length).toBeGreaterThan(0);
  });

  it('says why a place stays open', () => {
    const slot: FillSlot = { key: 'a', startsAt: 23 * H, endsAt: 31 * H, weekday: 0, startMinute: 1380, minutes: 480, week: 0, skills: ['医护'], open: 1, night: true };
    expect(autoFill([slot], [{ id: 'x', skills: [], availability: null, shifts: [] }], DEFAULT_RULES).short).toEqual([{ key: 'a', missing: 1, reason: 'skills' }]);
    const day = [0, 0, 0, 0, 0, 0, 0].map(() => 0x7fff80);
    expect(autoFill([slot], [{ id: 'x', skills: ['医护'], availability: day, shifts: [] }], DEFAULT_RULES).short[0]!.reason).toBe('availability');
  });

  it('spreads hours: with enough people nobody gets a second shift while others have none', () => {
    const slots: FillSlot[] = [0, 1, 2].map((d) => ({ key: `d${d}`, startsAt: (d * 24 + 7) * H, endsAt: (d * 24 + 15) * H, weekday: d, startMinute: 420, minutes: 480, week: 0, skills: [], open: 1, night: false }));
    const persons = ['a', 'b', 'c'].map((id) => ({ id, skills: [], availability: null, shifts: [] }));
    expect(new Set(autoFill(slots, persons, DEFAULT_RULES).picks.map((p) => p.personId)).size).toBe(3);
  });

  it('covers within 5% of the optimum found by the highs MILP solver on small instances', async () => {
    const highs = await loadHighs();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rng = createRandom(seed);
      const { slots, persons } = instance(rng, rng.int(3, 5), rng.int(8, 16));
      const greedy = autoFill(slots, persons, DEFAULT_RULES).picks.length;
      const best = optimum(highs, slots, persons);
      expect(greedy, `seed ${seed}: greedy ${greedy}, optimum ${best}`).toBeGreaterThanOrEqual(Math.floor(best * 0.95));
    }
  }, 120_000);
});
