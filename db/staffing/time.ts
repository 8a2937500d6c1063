/** Local calendar days and shift times: a shift belongs to the day it starts, in the service's time zone. */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Midnight (local) starting the day `YYYY-MM-DD`, or null when it is no calendar day. */
export function dayStart(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(y, mo - 1, d);
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d) return null;
  return at.getTime();
}

/** The local day of a moment, `YYYY-MM-DD`. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The day `n` days after `date`. */
export function addDays(date: string, n: number): string {
  const start = dayStart(date);
  if (start === null) throw new Error(`不是日期：${date}`);
  const d = new Date(start);
  d.setDate(d.getDate() + n);
  return dayOf(d.getTime());
}

/** Monday (local) of the week holding `date`. */
export function weekStart(date: string): string {
  const start = dayStart(date);
  if (start === null) throw new Error(`不是日期：${date}`);
  const weekday = (new Date(start).getDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  return (new Date(dayStart(date)!).getDay() + 6) % 7;
}

/** Start and end of a shift of a template on a day (local wall clock; a night shift ends the next day). */
export function shiftTimes(date: string, startMinute: number, minutes: number): { startsAt: number; endsAt: number } {
  const start = dayStart(date);
  if (start === null) throw new Error(`不是日期：${date}`);
  const d = new Date(start);
  const s = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 0, startMinute).getTime();
  const e = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 0, startMinute + minutes).getTime();
  return { startsAt: s, endsAt: e };
}

/** A shift is a night shift when any of it falls between 23:00 and 05:00. */
export function isNight(startMinute: number, minutes: number): boolean {
  for (let m = startMinute; m < startMinute + minutes; m += 30) {
    const wall = m % 1440;
    if (wall >= 23 * 60 || wall < 5 * 60) return true;
  }
  return false;
}

/** `HH:MM` of a minute after midnight (1440 and beyond wrap). */
export function clock(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
