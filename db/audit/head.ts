/**
 * The anchor of the chain, kept in `meta` and moved in the same transaction as every append:
 * `seq:hash` of the newest entry. Without it, removing the newest entries would leave a
 * shorter chain that still verifies.
 */
export const AUDIT_HEAD_KEY = 'audit.head';

export interface AuditHead {
  seq: number;
  hash: string;
}

export function formatHead(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

/** null when the value is not `seq:64-hex`. */
export function parseHead(value: string): AuditHead | null {
  const m = /^([1-9]\d{0,15}):([0-9a-f]{64})$/.exec(value);
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}

