const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM of a local date. */
export const monthKey = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** YYYY-MM-DD of a local date. */
export const dayKey = (d: Date): string => `${monthKey(d)}-${pad(d.getDate())}`;

/** This month and the `n - 1` before it, newest first. */
export function recentMonths(n: number, now = new Date()): string[] {
  return Array.from({ length: n }, (_, k) => monthKey(new Date(now.getFullYear(), now.getMonth() - k, 1)));
}

/** First and last day of a month. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: dayKey(new Date(y, m, 0)) };
}
