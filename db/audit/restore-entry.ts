import type { RestoreNote } from '../../electron/api/audit';
import type { ChainedFields } from './hash';
import { GENESIS_HASH } from './hash';
import type { AuditHead } from './head';

/** The action of the entry a restore writes into the restored chain (the app also writes it, phase `before`, into the replaced one). */
export const RESTORE_ACTION = 'backup.restore';

/** The detail of a restore's entry in the restored chain. */
export interface RestoreDetail {
  phase: 'after';
  /** The backup's file name. */
  backup: string;
  /** Where the replaced database was kept, or null when there was none. */
  setAsideAs: string | null;
  /** The restored chain's last entry, which this entry follows. */
  restoredHead: AuditHead;
  /** The replaced chain's last entry, or null when it could not be read. */
  replacedHead: AuditHead | null;
  /** The newest anchor the restored file holds, and the newest of the replaced chain. */
  restoredAnchor: number | null;
  replacedAnchor: AuditHead | null;
}

function isHead(value: unknown): value is AuditHead {
  const v = value as AuditHead | null;
  return !!v && Number.isSafeInteger(v.seq) && typeof v.hash === 'string';
}

function parse(text: string | null): RestoreDetail | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as RestoreDetail;
    return d.phase === 'after' && isHead(d.restoredHead) ? d : null;
  } catch {
    return null;
  }
}

/**
 * A restore's entry as the chain's walker sees it: `skipped` is set only when the entry follows
 * the restored head it names and continues right after the replaced chain's last number (the
 * numbers between were used by the replaced chain and are not reused). Null for other entries.
 */
export function restoreJump(row: ChainedFields, last: AuditHead | null): RestoreNote | null {
  const detail = parse(row.detail);
  if (!detail) return null;
  const previous = last ?? { seq: 0, hash: GENESIS_HASH };
  const follows = detail.restoredHead.seq === previous.seq && detail.restoredHead.hash === previous.hash && row.prev_hash === previous.hash;
  const jumps = follows && row.seq > previous.seq + 1 && detail.replacedHead?.seq === row.seq - 1;
  const replacedAnchor = detail.replacedAnchor?.seq ?? null;
  const fromAnchor = (detail.restoredAnchor ?? 0) + 1;
  return {
    seq: row.seq,
    at: row.at,
    actorName: row.actor_name,
    backup: detail.backup ?? null,
    setAsideAs: detail.setAsideAs ?? null,
    skipped: jumps ? [previous.seq + 1, row.seq - 1] : null,
    replacedHead: isHead(detail.replacedHead) ? detail.replacedHead : null,
    replacedAnchors: replacedAnchor !== null && replacedAnchor >= fromAnchor ? [fromAnchor, replacedAnchor] : null,
    signed: false,
  };
}
