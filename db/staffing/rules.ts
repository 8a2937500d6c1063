/**
 * The staffing rules, as pure functions over plain values: each says whether one more shift for a
 * person breaks it. They are checked on every assignment and shown; an assignment that breaks
 * one is made only with a written reason (the audit keeps it).
 */
import { DAY, HOUR } from './time';

export const ruleIds = ['overlap', 'rest', 'weekHours', 'skills', 'availability'] as const;
export type RuleId = (typeof ruleIds)[number];

export interface RuleSettings {
  /** Least time off between two shifts of one person. */
  minRestMs: number;
  /** Most time on duty in one week (Monday to Sunday, by the day each shift starts). */
  maxWeekMs: number;
}

export const DEFAULT_RULES: RuleSettings = { minRestMs: 8 * HOUR, maxWeekMs: 48 * HOUR };

export interface Span {
  startsAt: number;
  endsAt: number;
}

export interface RuleWarning {
  rule: RuleId;
  /** Figures for the message: hours of rest left, hours in the week, skills missing. */
  params: Record<string, string | number>;
}

/** The first other shift that overlaps the new one, if any. */
export function overlapping(shift: Span, others: readonly Span[]): Span | null {
  return others.find((o) => o.startsAt < shift.endsAt && shift.startsAt < o.endsAt) ?? null;
}

/** The shortest rest between the new shift and the person's shift just before or just after it, when below the minimum. */
export function shortRest(shift: Span, others: readonly Span[], minRestMs: number): number | null {
  let least: number | null = null;
  for (const o of others) {
    if (o.startsAt < shift.endsAt && shift.startsAt < o.endsAt) continue;
    const gap = o.endsAt <= shift.startsAt ? shift.startsAt - o.endsAt : o.startsAt - shift.endsAt;
    if (gap < minRestMs && (least === null || gap < least)) least = gap;
  }
  return least;
}

/** Hours on duty in the week with the new shift, when over the maximum (`weekShifts` = the other shifts of that week). */
export function weekOverLimit(shift: Span, weekShifts: readonly Span[], maxWeekMs: number): number | null {
  const total = weekShifts.reduce((s, o) => s + (o.endsAt - o.startsAt), shift.endsAt - shift.startsAt);
  return total > maxWeekMs ? total : null;
}

/** The post's required skills the person lacks. */
export function missingSkills(required: readonly string[], has: readonly string[]): string[] {
  const own = new Set(has);
  return required.filter((s) => !own.has(s));
}

/**
 * Whether every hour the shift touches is in the person's declared availability (seven 24-bit
 * masks, Monday first); undeclared availability is any time. `weekday` is the start day's.
 */
export function outsideAvailability(availability: readonly number[] | null, weekday: number, startMinute: number, minutes: number): boolean {
  if (!availability) return false;
  for (let m = startMinute - (startMinute % 60); m < startMinute + minutes; m += 60) {
    const day = (weekday + Math.floor(m / 1440)) % 7;
    const hour = Math.floor((m % 1440) / 60);
    if (((availability[day] ?? 0) & (1 << hour)) === 0) return true;
  }
  return false;
}

export interface Candidate {
  shift: Span & { weekday: number; startMinute: number; minutes: number };
  postSkills: readonly string[];
  person: { skills: readonly string[]; availability: readonly number[] | null };
  /** The person's other shifts from a day before the new one's week to a day after it. */
  others: readonly (Span & { weekStart?: boolean })[];
  /** Start of the new shift's week (local Monday 00:00) and of the next. */
  week: { from: number; to: number };
}

/** Every rule one more shift breaks, in rule order. */
export function checkRules(c: Candidate, settings: RuleSettings = DEFAULT_RULES): RuleWarning[] {
  const out: RuleWarning[] = [];
  const { shift, others } = c;
  const clash = overlapping(shift, others);
  if (clash) out.push({ rule: 'overlap', params: { start: clash.startsAt, end: clash.endsAt } });
  const rest = shortRest(shift, others, settings.minRestMs);
  if (rest !== null) out.push({ rule: 'rest', params: { hours: round1(rest / HOUR), min: round1(settings.minRestMs / HOUR) } });
  const inWeek = others.filter((o) => o.startsAt >= c.week.from && o.startsAt < c.week.to);
  const week = weekOverLimit(shift, inWeek, settings.maxWeekMs);
  if (week !== null) out.push({ rule: 'weekHours', params: { hours: round1(week / HOUR), max: round1(settings.maxWeekMs / HOUR) } });
  const missing = missingSkills(c.postSkills, c.person.skills);
  if (missing.length) out.push({ rule: 'skills', params: { skills: missing.join('、') } });
  if (outsideAvailability(c.person.availability, shift.weekday, shift.startMinute, shift.minutes)) out.push({ rule: 'availability', params: {} });
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** How far around a shift the rules look for the person's other shifts. */
export const RULE_WINDOW_MS = 8 * DAY;
