/** Local calendar days on the board: `YYYY-MM-DD`, weeks from Monday. */

const pad = (n: number) => String(n).padStart(2, '0');

export function toDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parse(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

export function shiftDay(day: string, n: number): string {
  const d = parse(day);
  d.setDate(d.getDate() + n);
  return toDay(d);
}

/** Monday = 0 … Sunday = 6. */
export const weekdayOf = (day: string): number => (parse(day).getDay() + 6) % 7;

export const mondayOf = (day: string): string => shiftDay(day, -weekdayOf(day));

export const clock = (minute: number): string => {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
};

export const timeOf = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const dayLabel = (day: string, locale: string): string => `${(locale === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[weekdayOf(day)]} ${day.slice(5)}`;

/** Whether declared availability (seven 24-bit masks, Monday first; null = any time) covers a shift. */
export function availableFor(availability: readonly number[] | null, day: string, startMinute: number, minutes: number): boolean {
  if (!availability) return true;
  const weekday = weekdayOf(day);
  for (let m = startMinute - (startMinute % 60); m < startMinute + minutes; m += 60) {
    const d = (weekday + Math.floor(m / 1440)) % 7;
    if (((availability[d] ?? 0) & (1 << Math.floor((m % 1440) / 60))) === 0) return false;
  }
  return true;
}
