/** Calendar months and days of the ledger, in the service's time zone. */
import { dayOf, dayStart } from '../staffing/time';

export { dayOf };

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The month of a moment, YYYY-MM. */
export const monthOf = (ms: number): string => dayOf(ms).slice(0, 7);

/** Whether `date` is a real calendar day. */
export const isDay = (date: string): boolean => dayStart(date) !== null;

/** Local midnight starting a day. */
export function dayStartMs(date: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, mo - 1, d).getTime();
}

/** First and last day of a month, and the moments it starts and ends (local). */
export function monthRange(month: string): { from: string; to: string; startMs: number; endMs: number } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`不是月份：${month}`);
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const last = new Date(y, mo, 0).getDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}`, startMs: new Date(y, mo - 1, 1).getTime(), endMs: new Date(y, mo, 1).getTime() };
}

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const d = new Date(y, mo - 1 + n, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** Hours as shown: at most one decimal. */
export const roundHours = (h: number): number => Math.round(h * 10) / 10;

/** Age in whole years on `at` from the birth date in an 18-digit ID number, or null. */
export function ageFromId(idNumber: string | null, at: number): number | null {
  const m = idNumber ? /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(idNumber) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const now = new Date(at);
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < mo || (now.getMonth() + 1 === mo && now.getDate() < d)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}
