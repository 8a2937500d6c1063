import { ServiceError } from '../errors';

export interface ReportDay {
  date: string;
  today: string;
  from: number;
  until: number;
  /** The moment the figures stand at: the last moment of the day, or now while it is today. */
  asOf: number;
}

/** A moment's local calendar day, written YYYY-MM-DD. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * The local calendar day `date` (YYYY-MM-DD; today when not given); a day that has not begun yet
 * is refused, naming the field.
 */
export function reportDay(input: string | undefined, now: number): ReportDay {
  const today = localDate(now);
  const date = input ?? today;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const from = new Date(y, m - 1, d).getTime();
  const until = new Date(y, m - 1, d + 1).getTime();
  if (from > now) throw new ServiceError('INVALID_INPUT', 'report.futureDate', { date }, 'date');
  return { date, today, from, until, asOf: Math.min(until - 1, now) };
}
