import type Database from 'better-sqlite3-multiple-ciphers';
import { entryHash, GENESIS_HASH, type ChainedFields } from './hash';
import { AUDIT_HEAD_KEY, formatHead, parseHead } from './head';

export type AuditProblem = 'altered' | 'removed' | 'inserted' | 'head-mismatch';

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  | {
      ok: false;
      /** How many entries, from the first, verified intact before the problem. */
      entries: number;
      firstBad: { seq: number; problem: AuditProblem; message: string };
    };

type StoredRow = ChainedFields & { hash: string };

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
 * Walks the whole chain in `seq` order, one row at a time, inside one read transaction (so an
 * append on another connection cannot make a sound chain look broken), and reports the first
 * problem:
 * - `altered`: a row's stored hash does not match its contents;
 * - `removed`: a gap in `seq`, or a row whose `prev_hash` is not the previous row's hash;
 * - `inserted`: rows before `seq` 1, or after the anchored head (written around the app);
 * - `head-mismatch`: the newest rows are gone, or the anchor in `meta` is missing or does not match.
 */
export function verifyAuditChain(sqlite: Database.Database): AuditVerification {
  return sqlite.transaction(() => walk(sqlite))();
}

function walk(sqlite: Database.Database): AuditVerification {
  const anchorValue = sqlite.prepare<unknown[], string>('SELECT value FROM meta WHERE key = ?').pluck().safeIntegers(false).get(AUDIT_HEAD_KEY);
  const rows = sqlite
    .prepare('SELECT seq, at, actor_id, actor_name, actor_role, action, target, detail, prev_hash, hash FROM audit_log ORDER BY seq')
    .safeIntegers(false)
    .iterate() as IterableIterator<StoredRow>;

  let last: { seq: number; hash: string } | null = null;
  let entries = 0;
  const bad = (seq: number, problem: AuditProblem, message: string): AuditVerification => ({
    ok: false,
    entries,
    firstBad: { seq, problem, message },
  });

  for (const row of rows) {
    const expectedSeq = last ? last.seq + 1 : 1;
    const expectedPrev = last ? last.hash : GENESIS_HASH;
    if (row.seq < expectedSeq) {
      return bad(row.seq, 'inserted', `第 ${row.seq} 条审计记录是插入的：序号应从 1 开始`);
    }
    if (row.seq > expectedSeq) {
      return bad(row.seq, 'removed', `第 ${row.seq} 条之前的记录被删除（缺少${range(expectedSeq, row.seq - 1)}）`);
    }
    if (recomputed(row) !== row.hash) {
      return bad(row.seq, 'altered', `第 ${row.seq} 条审计记录被修改（内容与其哈希不符）`);
    }
    if (row.prev_hash !== expectedPrev) {
      return bad(
        row.seq,
        'removed',
        row.seq === 1
          ? '第 1 条审计记录不是链的起点：之前的记录被删除后重新编号'
          : `第 ${row.seq} 条之前的记录被删除或替换（与第 ${row.seq - 1} 条不衔接）`,
      );
    }
    last = { seq: row.seq, hash: row.hash };
    entries++;
  }

  if (anchorValue === undefined) {
    if (!last) return { ok: true, entries: 0, head: formatHead({ seq: 0, hash: GENESIS_HASH }) };
    return bad(last.seq, 'head-mismatch', '审计记录头（meta 中的 audit.head）缺失，无法确认最新的记录没有被删除');
  }
  const anchor = parseHead(anchorValue);
  if (!anchor) return bad(last?.seq ?? 0, 'head-mismatch', `审计记录头（meta 中的 audit.head）已损坏：「${anchorValue.slice(0, 80)}」`);
  if (!last) return bad(1, 'head-mismatch', `全部审计记录被删除（记录头为第 ${anchor.seq} 条）`);
  if (anchor.seq > last.seq) {
    return bad(last.seq + 1, 'head-mismatch', `最新的${range(last.seq + 1, anchor.seq)}审计记录被删除（记录头为第 ${anchor.seq} 条）`);
  }
  if (anchor.seq < last.seq) {
    entries -= last.seq - anchor.seq;
    return bad(anchor.seq + 1, 'inserted', `${range(anchor.seq + 1, last.seq)}审计记录不是本程序写入的（在记录头第 ${anchor.seq} 条之后）`);
  }
  if (anchor.hash !== last.hash) {
    entries -= 1;
    return bad(last.seq, 'head-mismatch', `最新的第 ${last.seq} 条审计记录被替换（与记录头不符）`);
  }
  return { ok: true, entries, head: anchorValue };
}
