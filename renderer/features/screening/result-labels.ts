import type { VisitResult } from '../../../electron/api';
import type { MessageKey } from '../../i18n';

export const RESULTS: readonly { result: VisitResult; label: MessageKey; color: string }[] = [
  { result: 'pending', label: 'screening.result.pending', color: 'default' },
  { result: 'nobody_home', label: 'screening.result.nobody_home', color: 'orange' },
  { result: 'visited', label: 'screening.result.visited', color: 'green' },
  { result: 'refused', label: 'screening.result.refused', color: 'red' },
];

export function resultOf(result: VisitResult) {
  return RESULTS.find((r) => r.result === result)!;
}

/** Households done (visited or refused) out of all; nobody-home households are queued again. */
export function doneShare(t: { households: number; visited: number; refused: number }): number {
  return t.households === 0 ? 0 : Math.round(((t.visited + t.refused) / t.households) * 1000) / 10;
}
