import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { signBytes, verifyBytes, type OfficeKey } from '../office-key/key';
import { canonicalJson } from './canonical-json';

export const ANCHOR_REASONS = ['sign-in', 'backup', 'bundle', 'restore'] as const;
export type AnchorReason = (typeof ANCHOR_REASONS)[number];

/** The newest anchor, beside the database: deleting anchors from the file's table leaves this copy. */
export const ANCHOR_FILE = 'audit-anchor.json';

/** The signed fields of an anchor, as stored in `audit_anchors`. */
export interface AnchorFields {
  seq: number;
  at: number;
  reason: AnchorReason;
  actor_id: string;
  actor_name: string;
  audit_seq: number;
  audit_hash: string;
  prev_anchor: string;
  key_id: string;
  detail: string | null;
}

export interface Anchor extends AnchorFields {
  hash: string;
  signature: string;
}

/**
 * The text an anchor's signature and hash are over: a fixed first line (so no other message
 * the office key signs, such as a bundle, can pass for an anchor), then RFC 8785 canonical JSON
 * of the ten fields above (`detail` as its stored text).
 */
export function anchorText(fields: AnchorFields): Buffer {
  const { seq, at, reason, actor_id, actor_name, audit_seq, audit_hash, prev_anchor, key_id, detail } = fields;
  const body = { seq, at, reason, actor_id, actor_name, audit_seq, audit_hash, prev_anchor, key_id, detail };
  return Buffer.from(`GridDesk audit anchor v1\n${canonicalJson(body)}`, 'utf8');
}

export function signAnchor(office: OfficeKey, fields: AnchorFields): Anchor {
  const text = anchorText(fields);
  return { ...fields, hash: createHash('sha256').update(text).digest('hex'), signature: signBytes(office, text).toString('base64') };
}

/** Whether the anchor's hash is over its fields and its signature is the given key's. */
export function anchorIsGenuine(anchor: Anchor, publicKey: Uint8Array, keyId: string): boolean {
  let text: Buffer;
  try {
    text = anchorText(anchor);
  } catch {
    return false;
  }
  if (anchor.key_id !== keyId || createHash('sha256').update(text).digest('hex') !== anchor.hash) return false;
  return verifyBytes(publicKey, text, Buffer.from(anchor.signature, 'base64'));
}

const COLUMNS = 'seq, at, reason, actor_id, actor_name, audit_seq, audit_hash, prev_anchor, key_id, detail, hash, signature';

/** Every anchor in a connection's `audit_anchors` (or an attached schema's), by seq; [] when it has none. */
export function readAnchors(sqlite: Database.Database, schema = 'main'): Anchor[] {
  const has = sqlite.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = 'audit_anchors'`).get();
  if (!has) return [];
  return sqlite.prepare(`SELECT ${COLUMNS} FROM ${schema}.audit_anchors ORDER BY seq`).safeIntegers(false).all() as Anchor[];
}

export function insertAnchor(sqlite: Database.Database, anchor: Anchor): void {
  sqlite
    .prepare(`INSERT INTO audit_anchors (${COLUMNS}) VALUES (@seq, @at, @reason, @actor_id, @actor_name, @audit_seq, @audit_hash, @prev_anchor, @key_id, @detail, @hash, @signature)`)
    .run(anchor);
}

export function anchorFilePath(dataDir: string): string {
  return join(dataDir, ANCHOR_FILE);
}

/** The anchor in `audit-anchor.json`, null when there is none; 'unreadable' when the file is not an anchor. */
export function readAnchorFile(dataDir: string): Anchor | null | 'unreadable' {
  const file = anchorFilePath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Anchor;
    return typeof parsed.seq === 'number' && typeof parsed.hash === 'string' && typeof parsed.signature === 'string' ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Written to a temp file and renamed, so a crash never leaves half an anchor. */
export function writeAnchorFile(dataDir: string, anchor: Anchor): void {
  const file = anchorFilePath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
