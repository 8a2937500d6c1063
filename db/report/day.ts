import { ServiceError } from '../errors';

export interface ReportDay {
  date: string;
  from: number;
  until: number;
  /** The moment the figures stand at: the last moment of the day, or now while it is today. */
  asOf: number;
}

/** The local calendar day `date` (YYYY-MM-DD); a day that has not begun yet is refused, naming the field. */
export function reportDay(date: string, now: number): ReportDay {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const from = new Date(y, m - 1, d).getTime();
  const until = new Date(y, m - 1, d + 1).getTime();
  if (from > now) throw new ServiceError('INVALID_INPUT', 'report.futureDate', { date }, 'date');
  return { date, from, until, asOf: Math.min(until - 1, now) };
}
