/**
 * The audit anchors partners send in their bundles (docs/bundle-format.md, `anchor`): checked
 * against the signer's key, refused when they disagree with one already kept, and kept per sender.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { anchorIsGenuine, type Anchor } from '../audit/anchor-record';
import { ServiceError } from '../errors';
import { parseMinisignPublicKey } from './minisign';
import type { PartyKey } from './partners';

/** The key id as anchors write it: the 8 bytes in stored order, lower-case hex (minisign prints them reversed). */
function anchorKeyId(minisignKeyId: string): string {
  return Buffer.from(minisignKeyId, 'hex').reverse().toString('hex');
}

/** Refuses an anchor the signer did not sign, or one that contradicts an anchor of the same number kept before. */
export function checkReceivedAnchor(sqlite: Database.Database, signer: PartyKey, anchor: Anchor): void {
  const sender = `${signer.name}（${signer.officeCode}）`;
  const key = parseMinisignPublicKey(signer.minisignPublicKey);
  if (!key || !anchorIsGenuine(anchor, key.publicKey, anchorKeyId(signer.keyId))) {
    throw new ServiceError('INVALID_INPUT', 'bundle.badAnchor', { sender, seq: anchor.seq });
  }
  const kept = sqlite
    .prepare<[string, number], { hash: string }>('SELECT hash FROM bundle_anchors WHERE sender_key_id = ? AND seq = ?')
    .get(signer.keyId, anchor.seq);
  if (kept && kept.hash !== anchor.hash) throw new ServiceError('CONFLICT', 'bundle.anchorForked', { sender, seq: anchor.seq });
}

export function keepAnchor(sqlite: Database.Database, signer: PartyKey, anchor: Anchor, bundleSequence: number, now: number): void {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO bundle_anchors (sender_key_id, sender_code, seq, audit_seq, audit_hash, hash, anchor, bundle_sequence, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(signer.keyId, signer.officeCode, anchor.seq, anchor.audit_seq, anchor.audit_hash, anchor.hash, JSON.stringify(anchor), bundleSequence, now);
}

export interface KeptAnchor {
  seq: number;
  auditSeq: number;
  auditHash: string;
  at: number;
  receivedAt: number;
  count: number;
}

/** The newest anchor kept from each sender key, with how many are kept. */
export function keptAnchors(sqlite: Database.Database): Map<string, KeptAnchor> {
  const rows = sqlite
    .prepare<[], { sender_key_id: string; seq: number; audit_seq: number; audit_hash: string; anchor: string; received_at: number; count: number }>(
      `SELECT a.sender_key_id, a.seq, a.audit_seq, a.audit_hash, a.anchor, a.received_at, c.count
       FROM bundle_anchors a JOIN (SELECT sender_key_id, max(seq) AS seq, count(*) AS count FROM bundle_anchors GROUP BY sender_key_id) c
         ON c.sender_key_id = a.sender_key_id AND c.seq = a.seq`,
    )
    .all();
  return new Map(
    rows.map((r) => [
      r.sender_key_id,
      { seq: r.seq, auditSeq: r.audit_seq, auditHash: r.audit_hash, at: (JSON.parse(r.anchor) as Anchor).at, receivedAt: r.received_at, count: r.count },
    ]),
  );
}
