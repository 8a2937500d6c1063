import type Database from 'better-sqlite3-multiple-ciphers';
import { readKeyring } from '../auth/keyring';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles';
import { listBackups } from '../backup/list';
import { heldOfficeKey } from '../office-key/held';
import type { OfficeKey } from '../office-key/key';
import type { AnchorSources, TrustedKey } from './anchor-check';
import { anchorIsGenuine, insertAnchor, readAnchorFile, readAnchors, signAnchor, writeAnchorFile, type Anchor, type AnchorReason } from './anchor-record';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH } from './hash';
import { parseHead } from './head';
import { headProblem, readHeadValue, verifyAuditChain, walkChain } from './verify';

export interface AnchorRequest {
  reason: AnchorReason;
  actor: Pick<Actor, 'id' | 'name'>;
  detail?: unknown;
  at?: number;
}

function trustedFrom(office: OfficeKey): TrustedKey {
  return { publicKey: office.publicKey, keyId: office.keyId.toString('hex'), confirmed: true };
}

/** The newest anchor of the newest backup (read before a transaction: ATTACH cannot run inside one). */
function newestBackupAnchor(sqlite: Database.Database, dataDir: string): Anchor | null {
  const newest = backupAnchors(sqlite, dataDir, 1)[0]?.anchors;
  return newest?.[newest.length - 1] ?? null;
}

/**
 * The newest genuine anchor known: in the table or, if the table lost newer ones, in the file
 * beside it or the newest backup.
 */
function latestKnown(sqlite: Database.Database, dataDir: string, office: OfficeKey, fromBackup: Anchor | null): Anchor | null {
  const table = sqlite.prepare('SELECT * FROM audit_anchors ORDER BY seq DESC LIMIT 1').safeIntegers(false).get() as Anchor | undefined;
  const file = readAnchorFile(dataDir);
  const trusted = trustedFrom(office);
  const candidates = [table ?? null, file === 'unreadable' ? null : file, fromBackup].filter(
    (a): a is Anchor => !!a && (a === table || anchorIsGenuine(a, trusted.publicKey, trusted.keyId)),
  );
  return candidates.sort((a, b) => b.seq - a.seq)[0] ?? null;
}

/**
 * Whether the chain still matches the newest anchor, checked cheaply: the entry it signed has
 * the same hash, and the chain runs on soundly from there to the head. When that entry is gone
 * (a restore replaced it) the whole chain is checked against the anchors instead.
 */
function chainMatches(sqlite: Database.Database, dataDir: string, office: OfficeKey, latest: Anchor | null): boolean {
  const from = latest ? { seq: latest.audit_seq, hash: latest.audit_hash } : { seq: 0, hash: GENESIS_HASH };
  const row = from.seq === 0 ? { hash: GENESIS_HASH } : (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').safeIntegers(false).get(from.seq) as { hash: string } | undefined);
  if (row?.hash === from.hash) {
    const walk = walkChain(sqlite, new Set(), from.seq === 0 ? undefined : from);
    return !walk.bad && !headProblem(readHeadValue(sqlite), walk.last);
  }
  const sources: AnchorSources = { table: readAnchors(sqlite), file: readAnchorFile(dataDir), backups: [], keyExists: true };
  return verifyAuditChain(sqlite, { anchors: { sources, trusted: trustedFrom(office) } }).ok;
}

/**
 * Signs where the chain stands now (its head), chained to the newest anchor known, and stores
 * it in `audit_anchors` and in `audit-anchor.json`. Refuses (returns null) when the chain no
 * longer matches the newest anchor: a signature must never vouch for a rewritten chain.
 */
export function writeAnchor(sqlite: Database.Database, dataDir: string, office: OfficeKey, request: AnchorRequest): Anchor | null {
  const fromBackup = newestBackupAnchor(sqlite, dataDir);
  const anchor = sqlite.transaction(() => {
    const latest = latestKnown(sqlite, dataDir, office, fromBackup);
    if (!chainMatches(sqlite, dataDir, office, latest)) return null;
    const headValue = readHeadValue(sqlite);
    const head = (headValue && parseHead(headValue)) || { seq: 0, hash: GENESIS_HASH };
    const signed = signAnchor(office, {
      seq: (latest?.seq ?? 0) + 1,
      at: request.at ?? Date.now(),
      reason: request.reason,
      actor_id: request.actor.id,
      actor_name: request.actor.name,
      audit_seq: head.seq,
      audit_hash: head.hash,
      prev_anchor: latest?.hash ?? GENESIS_HASH,
      key_id: office.keyId.toString('hex'),
      detail: request.detail == null ? null : canonicalJson(request.detail),
    });
    insertAnchor(sqlite, signed);
    return signed;
  }).immediate();
  if (anchor) writeAnchorFile(dataDir, anchor);
  return anchor;
}

/** The hook a backup calls before copying: with the office key at hand, the copy carries a fresh anchor. Never stops a backup. */
export function anchorBeforeBackup(sqlite: Database.Database, dataDir: string): void {
  const office = heldOfficeKey(dataDir);
  if (!office) return;
  try {
    writeAnchor(sqlite, dataDir, office, { reason: 'backup', actor: SYSTEM_ACTOR });
  } catch {
    /* an anchor that cannot be written leaves the backup as it would be without one */
  }
}

/** Each backup's anchors, read through ATTACH on the open connection (same key); unreadable backups are left out. */
function backupAnchors(sqlite: Database.Database, dataDir: string, limit = Infinity): AnchorSources['backups'] {
  const out: AnchorSources['backups'] = [];
  for (const backup of listBackups(dataDir).slice(0, limit)) {
    try {
      sqlite.prepare('ATTACH DATABASE ? AS anchor_backup').run(backup.file);
    } catch {
      continue;
    }
    try {
      out.push({ name: backup.name, anchors: readAnchors(sqlite, 'anchor_backup') });
    } catch {
      /* not readable with this key: another database's backup */
    } finally {
      sqlite.exec('DETACH DATABASE anchor_backup');
    }
  }
  return out;
}

/** Every place anchors are kept for this data folder, and the key to check them with. */
export function anchorsToCheck(sqlite: Database.Database, dataDir: string): { sources: AnchorSources; trusted: TrustedKey | null } {
  const office = heldOfficeKey(dataDir);
  const recorded = readKeyring(dataDir)?.officeKey;
  const trusted = office
    ? trustedFrom(office)
    : recorded
      ? { publicKey: Buffer.from(recorded.publicKey, 'base64'), keyId: recorded.keyId, confirmed: false }
      : null;
  const sources: AnchorSources = { table: readAnchors(sqlite), file: readAnchorFile(dataDir), backups: backupAnchors(sqlite, dataDir), keyExists: !!recorded || !!office };
  return { sources, trusted };
}
