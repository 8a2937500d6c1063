import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed columns of one `audit_log` row, exactly as stored. */
export interface ChainedFields {
  seq: number;
  at: number;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  target: string | null;
  /** The stored text (itself canonical JSON of the detail value), or null. */
  detail: string | null;
  prev_hash: string;
}

/**
 * The hash of an audit entry:
 *
 *     hash = lowercase hex( SHA-256( UTF-8( JCS(envelope) ) ) )
 *
 * where JCS is RFC 8785 canonical JSON (`canonical-json.ts`) and the envelope is an object with
 * exactly these nine members, taken from the row as stored: `seq` and `at` as JSON integers,
 * `target` and `detail` as JSON strings or `null` (`detail` is the stored text, not re-parsed),
 * the rest as strings. Sorted, the envelope always reads:
 *
 *     {"action":"auth.login","actor_id":"0193…","actor_name":"张伟","actor_role":"admin",
 *      "at":1795430000000,"detail":null,"prev_hash":"0000…0000","seq":1,"target":"zhangwei"}
 *
 * (one line, no whitespace; non-ASCII as raw UTF-8). `prev_hash` is the previous entry's `hash`,
 * or 64 zeros for `seq` 1. Any change of a value or of its SQL type changes the hash.
 */
export function entryHash(row: ChainedFields): string {
  const envelope = {
    seq: row.seq,
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    actor_role: row.actor_role,
    action: row.action,
    target: row.target,
    detail: row.detail,
    prev_hash: row.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(envelope), 'utf8').digest('hex');
}
