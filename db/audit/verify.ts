import type Database from 'better-sqlite3-multiple-ciphers';
import type { AnchorNote, AuditProblem, AuditVerification, RestoreNote } from '../../electron/api/audit';
import { checkAnchors, type AnchorSources, type TrustedKey } from './anchor-check';
import { entryHash, GENESIS_HASH, type ChainedFields } from './hash';
import { AUDIT_HEAD_KEY, formatHead, parseHead, type AuditHead } from './head';
import { restoreJump, RESTORE_ACTION } from './restore-entry';

export type { AuditProblem, AuditVerification };

type StoredRow = ChainedFields & { hash: string };

interface Bad {
  seq: number;
  problem: AuditProblem;
  message: string;
  anchor?: number;
}

/** What walking the chain found: how far it is intact, its restores, and the hashes at the seqs asked for. */
export interface ChainWalk {
  entries: number;
  last: AuditHead | null;
  restores: RestoreNote[];
  hashes: Map<number, string>;
  bad: Bad | null;
}

function range(from: number, to: number): string {
  return from === to ? `第 ${from} 条` : `第 ${from}–${to} 条`;
}

function recomputed(row: StoredRow): string | null {
  try {
    return entryHash(row);
  } catch {
    return null; // a value no honest append writes (e.g. a blob where text belongs)
  }
}

/**
 * Walks the chain in `seq` order, one row at a time, after `from` (a row already known to be
 * sound) or from the start, and stops at the first problem:
 * - `altered`: a row's stored hash does not match its contents;
 * - `removed`: a gap in `seq`, or a row whose `prev_hash` is not the previous row's hash;
 * - `inserted`: rows before `seq` 1.
 * The one gap that is no problem is the one a restore leaves: its entry (`backup.restore`)
 * continues after the replaced chain's last number and names the restored head it follows.
 */
export function walkChain(sqlite: Database.Database, wanted: ReadonlySet<number>, from?: AuditHead): ChainWalk {
  const rows = sqlite
    .prepare('SELECT seq, at, actor_id, actor_name, actor_role, action, target, detail, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq')
    .safeIntegers(false)
    .iterate(from?.seq ?? 0) as IterableIterator<StoredRow>;
  const walk: ChainWalk = { entries: from?.seq ?? 0, last: from ?? null, restores: [], hashes: new Map(), bad: null };
  const fail = (bad: Bad) => ({ ...walk, bad });
  for (const row of rows) {
    const last = walk.last;
    const expectedSeq = last ? last.seq + 1 : 1;
    const expectedPrev = last ? last.hash : GENESIS_HASH;
    const restore = row.action === RESTORE_ACTION ? restoreJump(row, last) : null;
    if (row.seq < expectedSeq) return fail({ seq: row.seq, problem: 'inserted', message: `第 ${row.seq} 条审计记录是插入的：序号应从 1 开始` });
    if (row.seq > expectedSeq && !restore?.skipped) {
      return fail({ seq: row.seq, problem: 'removed', message: `第 ${row.seq} 条之前的记录被删除（缺少${range(expectedSeq, row.seq - 1)}）` });
    }
    if (recomputed(row) !== row.hash) return fail({ seq: row.seq, problem: 'altered', message: `第 ${row.seq} 条审计记录被修改（内容与其哈希不符）` });
    if (row.prev_hash !== expectedPrev) {
      return fail({
        seq: row.seq,
        problem: 'removed',
        message:
          row.seq === 1
            ? '第 1 条审计记录不是链的起点：之前的记录被删除后重新编号'
            : `第 ${row.seq} 条之前的记录被删除或替换（与第 ${last?.seq ?? 0} 条不衔接）`,
      });
    }
    if (restore) walk.restores.push(restore);
    if (wanted.has(row.seq)) walk.hashes.set(row.seq, row.hash);
    walk.last = { seq: row.seq, hash: row.hash };
    walk.entries++;
  }
  return walk;
}

/**
 * The head kept in `meta` against the walked chain's newest row; null when they agree. `uncount`
 * is how many walked entries the problem takes back (those after a head that was moved back).
 */
export function headProblem(anchorValue: string | undefined, last: AuditHead | null): (Bad & { uncount: number }) | null {
  const bad = (seq: number, problem: AuditProblem, message: string, uncount = 0) => ({ seq, problem, message, uncount });
  if (anchorValue === undefined) {
    return last ? bad(last.seq, 'head-mismatch', '审计记录头（meta 中的 audit.head）缺失，无法确认最新的记录没有被删除') : null;
  }
  const anchor = parseHead(anchorValue);
  if (!anchor) return bad(last?.seq ?? 0, 'head-mismatch', `审计记录头（meta 中的 audit.head）已损坏：「${anchorValue.slice(0, 80)}」`);
  if (!last) return bad(1, 'head-mismatch', `全部审计记录被删除（记录头为第 ${anchor.seq} 条）`);
  if (anchor.seq > last.seq) {
    return bad(last.seq + 1, 'head-mismatch', `最新的${range(last.seq + 1, anchor.seq)}审计记录被删除（记录头为第 ${anchor.seq} 条）`);
  }
  if (anchor.seq < last.seq) {
    return bad(anchor.seq + 1, 'inserted', `${range(anchor.seq + 1, last.seq)}审计记录不是本程序写入的（在记录头第 ${anchor.seq} 条之后）`, last.seq - anchor.seq);
  }
  if (anchor.hash !== last.hash) return bad(last.seq, 'head-mismatch', `最新的第 ${last.seq} 条审计记录被替换（与记录头不符）`, 1);
  return null;
}

export function readHeadValue(sqlite: Database.Database): string | undefined {
  return sqlite.prepare<unknown[], string>('SELECT value FROM meta WHERE key = ?').pluck().safeIntegers(false).get(AUDIT_HEAD_KEY);
}

export interface VerifyOptions {
  /** The anchors to hold the chain to; without them only the chain and its head are checked. */
  anchors?: { sources: AnchorSources; trusted: TrustedKey | null };
}

/**
 * Walks the whole chain inside one read transaction (so an append on another connection cannot
 * make a sound chain look broken), checks the head in `meta`, then holds the chain to every
 * signed anchor found (`anchor-check.ts`) and reports the first problem. Entries counted in a
 * failure are those, from the first, that verified intact before it.
 */
export function verifyAuditChain(sqlite: Database.Database, options: VerifyOptions = {}): AuditVerification {
  return sqlite.transaction((): AuditVerification => {
    const sources = options.anchors?.sources;
    const wanted = new Set<number>();
    if (sources) for (const a of [...sources.table, ...sources.backups.flatMap((b) => b.anchors), ...(typeof sources.file === 'object' && sources.file ? [sources.file] : [])]) wanted.add(a.audit_seq);
    const walk = walkChain(sqlite, wanted);
    const restores = walk.restores;
    let notes: AnchorNote | undefined;
    let bad: Bad | null = walk.bad;
    if (!bad) {
      const head = headProblem(readHeadValue(sqlite), walk.last);
      if (head) {
        const { uncount, ...rest } = head;
        walk.entries -= uncount;
        bad = rest;
      }
    }
    if (sources) {
      const checked = checkAnchors(sources, options.anchors!.trusted, walk);
      notes = checked.notes;
      bad ??= checked.bad;
    }
    const extra = { restores, ...(notes ? { anchors: notes } : {}) };
    if (bad) return { ok: false as const, entries: walk.entries, firstBad: bad, ...extra };
    return { ok: true as const, entries: walk.entries, head: readHeadValue(sqlite) ?? formatHead({ seq: 0, hash: GENESIS_HASH }), ...extra };
  })();
}
