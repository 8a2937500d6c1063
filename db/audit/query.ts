import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import type { AuditEntry as ApiAuditEntry } from '../../electron/api/audit';

export const AUDIT_PAGE_MAX = 500;

export interface AuditQuery {
  /** Unix ms, inclusive. */
  from?: number;
  /** Unix ms, exclusive. */
  to?: number;
  actorId?: string;
  /** An action (`auth.login`: exactly that), or a domain or prefix (`auth`, `auth.*`: all of it). */
  action?: string;
  /** Exact target. */
  target?: string;
  /** 1 … 500. */
  limit: number;
  /** Keyset paging: only entries older than this `seq` (pass the previous page's `nextBeforeSeq`). */
  beforeSeq?: number;
}

/** An entry of the log (`detail` parsed, or the stored text if it no longer parses) and its hash. */
export interface AuditEntry extends ApiAuditEntry {
  hash: string;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** `beforeSeq` of the next (older) page, or null when this is the last one. */
  nextBeforeSeq: number | null;
}

interface Row {
  seq: number;
  at: number;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  target: string | null;
  detail: string | null;
  hash: string;
  target_name: string | null;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection; `R` is what one row (or, plucked, one value) is. */
function prepared<R>(sqlite: Database.Database, sql: string): Database.Statement<unknown[], R> {
  let map = cache.get(sqlite);
  if (!map) cache.set(sqlite, (map = new Map()));
  let stmt = map.get(sql);
  if (!stmt) map.set(sql, (stmt = sqlite.prepare(sql).safeIntegers(false)));
  return stmt as Database.Statement<unknown[], R>;
}

function integerOption(value: number | undefined, field: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < min) throw new ServiceError('INVALID_INPUT', 'audit.integer', { field, min }, field);
  return value;
}

function parseDetail(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The distinct actions from `prefix` on, by a loose index scan: one index seek per distinct
 * action instead of a walk over every entry (there are a few dozen actions and up to millions
 * of entries).
 */
function distinctActions(sqlite: Database.Database, prefix: string): string[] {
  const first = prepared<string>(sqlite, 'SELECT action FROM audit_log WHERE action >= ? ORDER BY action LIMIT 1');
  const next = prepared<string>(sqlite, 'SELECT action FROM audit_log WHERE action > ? ORDER BY action LIMIT 1');
  const out: string[] = [];
  let action = first.pluck().get(prefix);
  while (action !== undefined && action.startsWith(prefix)) {
    out.push(action);
    action = next.pluck().get(action);
  }
  return out;
}

/** The target of entry `a` in words, each lookup by primary key: whatever the target's id names. */
const TARGET_NAME = `coalesce(
  (SELECT selection FROM status_batches WHERE id = a.target),
  (SELECT address FROM buildings WHERE id = a.target),
  (SELECT name FROM screening_rounds WHERE id = a.target),
  (SELECT name FROM compounds WHERE id = a.target),
  (SELECT label FROM status_definitions WHERE key = a.target AND deleted = 0))`;

const WIDE_RANGE = 5000;

/**
 * Whether a time range holds many entries and reaches the newest one. Then its matches come
 * first in seq order, and walking the table newest first (`+at`: compare, but do not pick the
 * `at` index) stops after one page; otherwise the `at` index finds the few entries directly.
 */
function timeRangeIsWideAndRecent(sqlite: Database.Database, from: number, to: number): boolean {
  const newest = prepared<number | null>(sqlite, 'SELECT max(at) FROM audit_log').pluck().get() ?? null;
  if (newest === null || newest < from || newest >= to) return false;
  const capped = prepared<number>(sqlite, `SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE at >= ? AND at < ? LIMIT ${WIDE_RANGE})`);
  return (capped.pluck().get(from, to) ?? 0) >= WIDE_RANGE;
}

/**
 * One page of the audit log for the administrators' viewer, newest first. Paging is by `seq`
 * (keyset), so a page costs the same at entry 10 and at entry 1,000,000, and entries appended
 * while someone pages do not shift what they see.
 *
 * How it stays fast on a big log: an action prefix is resolved to its exact actions first, and
 * each is read through the (action, seq) index in seq order, stopping at the page size; the same
 * holds for actor and target. A time range goes through the `at` index, unless it is wide and
 * reaches the newest entry (see `timeRangeIsWideAndRecent`).
 */
export function queryAudit(sqlite: Database.Database, query: AuditQuery): AuditPage {
  const limit = query.limit;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw new ServiceError('INVALID_INPUT', 'audit.pageSize', { max: AUDIT_PAGE_MAX }, 'limit');
  }
  const from = integerOption(query.from, 'from', 0);
  const to = integerOption(query.to, 'to', 0);
  const beforeSeq = integerOption(query.beforeSeq, 'beforeSeq', 1);
  const exact = query.action?.includes('.') && !query.action.endsWith('*');
  const actions = !query.action ? [undefined] : exact ? [query.action] : distinctActions(sqlite, query.action.replace(/\*$/, ''));

  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number) => {
    where.push(clause);
    params.push(value);
  };
  if (from !== undefined || to !== undefined) {
    // Both bounds always: a two-sided range is what makes SQLite's planner pick the `at` index.
    const [lo, hi] = [from ?? 0, to ?? Number.MAX_SAFE_INTEGER];
    const at = timeRangeIsWideAndRecent(sqlite, lo, hi) ? '+at' : 'at';
    add(`${at} >= ?`, lo);
    add(`${at} < ?`, hi);
  }
  if (query.actorId !== undefined) add('actor_id = ?', query.actorId);
  if (query.target !== undefined) add('target = ?', query.target);
  if (beforeSeq !== undefined) add('seq < ?', beforeSeq);

  const seqs: number[] = [];
  for (const action of actions) {
    const clauses = action === undefined ? where : [...where, 'action = ?'];
    const sql = `SELECT seq FROM audit_log${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    const found = prepared<number>(sqlite, sql).pluck().all(...params, ...(action === undefined ? [] : [action]), limit + 1);
    seqs.push(...found);
  }
  if (actions.length > 1) seqs.sort((a, b) => b - a);
  const more = seqs.length > limit;
  const page = seqs.slice(0, limit);

  const one = prepared<Row>(sqlite, `SELECT seq, at, actor_id, actor_name, actor_role, action, target, detail, hash, ${TARGET_NAME} AS target_name FROM audit_log a WHERE seq = ?`);
  return {
    entries: page.map((seq) => {
      const r = one.get(seq)!;
      return {
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        target: r.target,
        targetName: r.target_name,
        detail: parseDetail(r.detail),
        hash: r.hash,
      };
    }),
    nextBeforeSeq: more ? page[page.length - 1]! : null,
  };
}

/** Every action that occurs in the log, sorted, for the viewer's filter. */
export function auditActions(sqlite: Database.Database): string[] {
  return distinctActions(sqlite, '');
}
