import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { applyKey } from '../client/cipher';
import { openDatabase } from '../client/open';
import { withReadOnly } from '../backup/list';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles';
import type { OfficeKey } from '../office-key/key';
import { appendAudit } from './append';
import { readAnchorFile, type Anchor } from './anchor-record';
import { writeAnchor } from './anchors';
import { parseHead, type AuditHead } from './head';
import { readHeadValue } from './verify';
import { RESTORE_ACTION, type RestoreDetail } from './restore-entry';

/** Where the chain about to be replaced stands: its head and its newest anchor, as far as they can be read. */
export interface ReplacedChain {
  head: AuditHead | null;
  anchor: AuditHead | null;
}

/**
 * Read before a restore moves the database aside: from the file itself when it opens, else from
 * the anchor file beside it (a damaged database: its newest anchored entry is the best known).
 */
export function readReplacedChain(file: string, dataDir: string, key: Buffer | undefined): ReplacedChain {
  const fromFile = readAnchorFile(dataDir);
  const fileAnchor = fromFile && fromFile !== 'unreadable' ? fromFile : null;
  let head: AuditHead | null = null;
  let tableAnchor: Anchor | null = null;
  if (existsSync(file)) {
    try {
      withReadOnly(file, (sqlite) => {
        if (key) applyKey(sqlite, key);
        const value = readHeadValue(sqlite);
        head = value ? parseHead(value) : null;
        const hasAnchors = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'audit_anchors'`).get();
        tableAnchor = hasAnchors ? ((sqlite.prepare('SELECT * FROM audit_anchors ORDER BY seq DESC LIMIT 1').safeIntegers(false).get() as Anchor | undefined) ?? null) : null;
      });
    } catch {
      /* unreadable: what the anchor file says is all there is */
    }
  }
  const newest = [tableAnchor as Anchor | null, fileAnchor].filter((a): a is Anchor => !!a).sort((a, b) => b.seq - a.seq)[0] ?? null;
  const anchoredHead = newest ? { seq: newest.audit_seq, hash: newest.audit_hash } : null;
  return {
    head: (head as AuditHead | null) ?? anchoredHead,
    anchor: newest ? { seq: newest.seq, hash: newest.hash } : null,
  };
}

export interface RestoreTrace {
  dataDir: string;
  /** The database file now holding the restored backup. */
  file: string;
  key: Buffer | undefined;
  backupFile: string;
  setAsideAs: string | null;
  replaced: ReplacedChain;
  actor?: Pick<Actor, 'id' | 'name' | 'role'>;
  /** With the office key at hand, an anchor signed at once confirms the restore. */
  office?: OfficeKey | null;
}

/**
 * Writes the restore into the restored chain: which backup, by whom, where the replaced file
 * went, the replaced chain's head and newest anchor. Its number continues after the replaced
 * chain's last one, so no number is used twice; `audit verify` recognises the gap and the
 * replaced chain's later anchors by this entry.
 */
export function recordRestore(trace: RestoreTrace): { seq: number; anchored: boolean } {
  const opened = openDatabase({ file: trace.file, ...(trace.key ? { key: trace.key } : {}) });
  try {
    const { sqlite } = opened;
    const restoredHeadValue = readHeadValue(sqlite);
    const restoredHead = (restoredHeadValue && parseHead(restoredHeadValue)) || { seq: 0, hash: '0'.repeat(64) };
    const restoredAnchor = sqlite.prepare('SELECT max(seq) FROM audit_anchors').pluck().safeIntegers(false).get() as number | null;
    const replacedLast = Math.max(trace.replaced.head?.seq ?? 0, restoredHead.seq);
    const detail: RestoreDetail = {
      phase: 'after',
      backup: basename(trace.backupFile),
      setAsideAs: trace.setAsideAs,
      restoredHead,
      replacedHead: trace.replaced.head,
      restoredAnchor,
      replacedAnchor: trace.replaced.anchor,
    };
    const actor = trace.actor ?? SYSTEM_ACTOR;
    const { seq } = appendAudit(sqlite, { actor, action: RESTORE_ACTION, target: detail.backup, detail, after: replacedLast });
    const anchored = trace.office ? !!writeAnchor(sqlite, trace.dataDir, trace.office, { reason: 'restore', actor, detail: { backup: detail.backup } }) : false;
    return { seq, anchored };
  } finally {
    opened.close();
  }
}
