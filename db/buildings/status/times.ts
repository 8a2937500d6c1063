import { ServiceError } from '../../errors';
import { terms, type Localized } from '../../../messages';

/** How far ahead of this computer's clock a moment may lie (another computer's clock may run fast). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function formatMoment(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** A moment that may lie in the past but not in the future; `field` names it in the error. */
export function requireNotFuture(value: number, now: number, field: string, what: Localized): void {
  if (value > now + CLOCK_SKEW_MS) {
    throw new ServiceError('INVALID_INPUT', 'time.future', { what, value: formatMoment(value), now: formatMoment(now) }, field);
  }
}

/** Effective from (default now, not in the future) and until (after it, or none). */
export function effectivePeriod(
  input: { effectiveFrom?: number | undefined; effectiveUntil?: number | null | undefined },
  now: number,
): { from: number; until: number | null } {
  const from = input.effectiveFrom ?? now;
  requireNotFuture(from, now, 'effectiveFrom', terms.effectiveFrom);
  const until = input.effectiveUntil ?? null;
  if (until !== null && until <= from) throw new ServiceError('INVALID_INPUT', 'time.untilBeforeFrom', {}, 'effectiveUntil');
  return { from, until };
}
