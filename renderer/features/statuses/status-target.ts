import type { Selection } from '../../../electron/api';

/** What a status change applies to. `ids` (when known) give the count and the breakdown. */
export type StatusTarget =
  | { kind: 'single'; id: string; label: string }
  | { kind: 'buildings'; ids: string[]; label: string }
  | { kind: 'grid' | 'compound' | 'community'; id: string; label: string; ids: string[] | null };

export function targetIds(target: StatusTarget): string[] | null {
  if (target.kind === 'single') return [target.id];
  return target.ids;
}

export function targetSelection(target: Exclude<StatusTarget, { kind: 'single' }>): Selection {
  return target.kind === 'buildings' ? { kind: 'buildings', ids: target.ids } : { kind: target.kind, id: target.id };
}
