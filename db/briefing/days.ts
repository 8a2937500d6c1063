export const DAY_MS = 86_400_000;
export const TREND_DAYS = 30;

/** Local midnight starting the day of `at`. */
export function dayStart(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * The trend's days, oldest first, today last: each with the moment its figures are counted at
 * (the day's last millisecond, or now for today). Days follow the calendar, so a day with a
 * daylight-saving change is counted by its own midnights.
 */
export function trendDays(now: number, days = TREND_DAYS): { day: number; at: number }[] {
  const out: { day: number; at: number }[] = [];
  let start = dayStart(now);
  for (let i = 0; i < days; i++) {
    const next = new Date(start);
    next.setDate(next.getDate() + 1);
    out.unshift({ day: start, at: Math.min(next.getTime() - 1, now) });
    const prev = new Date(start);
    prev.setDate(prev.getDate() - 1);
    start = prev.getTime();
  }
  return out;
}
