/**
 * Auto-fill as a pure function: proposes people for the open places of some shifts so that every
 * rule holds (no overlap, rest, weekly hours, skills, availability), spreading hours fairly. The
 * most constrained shifts are filled first; each place goes to the eligible person with the
 * fewest hours that week.
 */
import { missingSkills, outsideAvailability, overlapping, shortRest, type RuleSettings, type Span } from './rules';

export interface FillSlot {
  key: string;
  startsAt: number;
  endsAt: number;
  weekday: number;
  startMinute: number;
  minutes: number;
  /** Start of the week (Monday 00:00) the shift belongs to. */
  week: number;
  skills: readonly string[];
  open: number;
  night: boolean;
}

export interface FillPerson {
  id: string;
  skills: readonly string[];
  availability: readonly number[] | null;
  /** Shifts already held, around the period. */
  shifts: readonly Span[];
}

export interface FillOutcome {
  picks: { key: string; personId: string }[];
  /** Per slot still short: how many, and why. */
  short: { key: string; missing: number; reason: 'skills' | 'availability' | 'busy' }[];
}

interface Live {
  person: FillPerson;
  shifts: Span[];
  weekMs: Map<number, number>;
}

export function autoFill(slots: readonly FillSlot[], people: readonly FillPerson[], settings: RuleSettings): FillOutcome {
  const live: Live[] = people.map((person) => ({ person, shifts: [...person.shifts], weekMs: new Map() }));
  const weeks = new Set(slots.map((s) => s.week));
  for (const l of live)
    for (const s of l.shifts) for (const w of weeks) if (s.startsAt >= w && s.startsAt < w + 7 * 86_400_000) l.weekMs.set(w, (l.weekMs.get(w) ?? 0) + s.endsAt - s.startsAt);
  // Who could stand a shift of this shape at all (skills and availability), computed once per shape.
  const byShape = new Map<string, { skilled: number; fit: Live[] }>();
  const shapeOf = (s: FillSlot) => {
    const key = `${s.weekday}|${s.startMinute}|${s.minutes}|${[...s.skills].sort().join(',')}`;
    let shape = byShape.get(key);
    if (!shape) {
      const skilled = live.filter((l) => missingSkills(s.skills, l.person.skills).length === 0);
      shape = { skilled: skilled.length, fit: skilled.filter((l) => !outsideAvailability(l.person.availability, s.weekday, s.startMinute, s.minutes)) };
      byShape.set(key, shape);
    }
    return shape;
  };
  const order = slots
    .filter((s) => s.open > 0)
    .map((s) => ({ s, shape: shapeOf(s) }))
    .sort((a, b) => a.shape.fit.length / a.s.open - b.shape.fit.length / b.s.open || Number(b.s.night) - Number(a.s.night) || a.s.startsAt - b.s.startsAt);
  const picks: FillOutcome['picks'] = [];
  const short: FillOutcome['short'] = [];
  for (const { s, shape } of order) {
    let left = s.open;
    const length = s.endsAt - s.startsAt;
    while (left > 0) {
      let best: Live | null = null;
      let bestMs = Infinity;
      for (const l of shape.fit) {
        const week = l.weekMs.get(s.week) ?? 0;
        if (week >= bestMs || week + length > settings.maxWeekMs) continue;
        if (overlapping(s, l.shifts) || shortRest(s, l.shifts, settings.minRestMs) !== null) continue;
        best = l;
        bestMs = week;
      }
      if (!best) break;
      best.shifts.push({ startsAt: s.startsAt, endsAt: s.endsAt });
      best.weekMs.set(s.week, bestMs + length);
      picks.push({ key: s.key, personId: best.person.id });
      left--;
    }
    if (left > 0) short.push({ key: s.key, missing: left, reason: shape.skilled === 0 ? 'skills' : shape.fit.length === 0 ? 'availability' : 'busy' });
  }
  return { picks, short };
}
