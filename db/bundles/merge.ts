/**
 * Merging a bundle's rows (docs/bundle-format.md, "Merging on import"), by version vectors:
 * create, update (theirs includes ours), unchanged (ours includes theirs) or conflict (neither).
 * A conflict takes the version with the greater stamp — every office reaches the same row in any
 * order — and keeps the other in `sync_conflicts` for a user to decide.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../sync/ids';
import { writeReceivedRow } from '../sync/merge-write';
import { SYNC_COLUMNS, travelling, type TravellingName } from '../sync/registry';
import type { BundleRow } from './rows';
import type { RejectedRow } from './open';
import { includedIn, join, rowVector, sameVector, type VersionVector } from './version-vector';

export type MergeAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface PlannedRow {
  table: TravellingName;
  row: BundleRow;
  action: MergeAction;
  /** For a conflict: whether the received version wins (greater stamp). */
  theirsWins: boolean;
  local: Record<string, unknown> | null;
  localVv: VersionVector | null;
}

export type MergeCounts = Record<MergeAction, number>;

export interface MergePlan {
  rows: PlannedRow[];
  totals: MergeCounts;
  byTable: Record<string, MergeCounts>;
}

export const emptyCounts = (): MergeCounts => ({ create: 0, update: 0, unchanged: 0, conflict: 0 });

interface KeptMeta {
  vv: string;
  extra: string | null;
}

function readers(sqlite: Database.Database) {
  const meta = sqlite.prepare<[string, string], KeptMeta>('SELECT vv, extra FROM sync_row_meta WHERE table_name = ? AND row_id = ?');
  const rows = new Map<string, Database.Statement<[string], Record<string, unknown>>>();
  return {
    empty: (table: TravellingName) => sqlite.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined,
    meta: (table: string, id: string) => meta.get(table, id),
    row: (table: TravellingName, id: string) => {
      let stmt = rows.get(table);
      if (!stmt) {
        const columns = [...SYNC_COLUMNS, ...travelling(table).columns].join(', ');
        rows.set(table, (stmt = sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE id = ?`)));
      }
      return stmt.get(id);
    },
  };
}

function decide(incoming: VersionVector, local: VersionVector): MergeAction {
  if (includedIn(incoming, local)) return 'unchanged';
  if (includedIn(local, incoming)) return 'update';
  return 'conflict';
}

/**
 * The tables parents first (by their foreign keys), so a row's parent is written before it: a
 * parent written after its children makes SQLite search the children for every deferred violation.
 */
export function parentsFirst(sqlite: Database.Database, tables: readonly TravellingName[]): TravellingName[] {
  const wanted = new Set(tables);
  const parentsOf = new Map(
    tables.map((t) => [t, (sqlite.pragma(`foreign_key_list(${t})`) as { table: string }[]).map((f) => f.table as TravellingName).filter((p) => p !== t && wanted.has(p))]),
  );
  const ordered: TravellingName[] = [];
  const placing = new Set<TravellingName>();
  const place = (t: TravellingName) => {
    if (ordered.includes(t) || placing.has(t)) return;
    placing.add(t);
    for (const p of parentsOf.get(t) ?? []) place(p);
    ordered.push(t);
  };
  for (const t of tables) place(t);
  return ordered;
}

/** What applying these rows would do, row by row; reads only. */
export function planMerge(sqlite: Database.Database, tables: ReadonlyMap<TravellingName, BundleRow[]>): MergePlan {
  const read = readers(sqlite);
  const plan: MergePlan = { rows: [], totals: emptyCounts(), byTable: {} };
  for (const table of parentsFirst(sqlite, [...tables.keys()])) {
    const rows = tables.get(table)!;
    const counts = (plan.byTable[table] = emptyCounts());
    // Into an empty table every row is new: no lookup per row.
    const empty = read.empty(table);
    for (const row of rows) {
      const id = row.values.id as string;
      const local = empty ? null : (read.row(table, id) ?? null);
      let action: MergeAction = 'create';
      let localVv: VersionVector | null = null;
      let theirsWins = true;
      if (local) {
        const kept = read.meta(table, id);
        localVv = rowVector(kept ? (JSON.parse(kept.vv) as VersionVector) : null, local.origin as string, local.hlc as string);
        action = sameVector(row.vv, localVv) ? 'unchanged' : decide(row.vv, localVv);
        theirsWins = (row.values.hlc as string) > (local.hlc as string);
      }
      counts[action]++;
      plan.totals[action]++;
      plan.rows.push({ table, row, action, theirsWins, local, localVv });
    }
  }
  return plan;
}

const withVv = (values: Record<string, unknown>, vv: VersionVector | null, extra?: Record<string, unknown> | null) => ({ ...extra, ...values, _vv: vv });

/** A write SQLite refused, in words: which rule, which column. */
function constraintText(err: unknown): string | null {
  const e = err as { code?: string; message?: string };
  if (!e.code?.startsWith('SQLITE_CONSTRAINT')) return null;
  const unique = /UNIQUE constraint failed: (.+)$/.exec(e.message ?? '');
  if (unique) return `与本机已有的另一条记录重复（${unique[1]} 须唯一）`;
  const check = /CHECK constraint failed: (.+)$/.exec(e.message ?? '');
  if (check) return `不符合约束 ${check[1]}`;
  return `违反数据库约束（${e.message}）`;
}

/** Rows whose parent row is missing once everything is written (foreign keys are checked at the end). */
function orphans(sqlite: Database.Database, lines: Map<string, number>): RejectedRow[] {
  const found = sqlite.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
  return found.slice(0, 100).map((f) => {
    const id = (sqlite.prepare(`SELECT id FROM "${f.table}" WHERE rowid = ?`).get(f.rowid) as { id?: string } | undefined)?.id ?? null;
    return { table: f.table, line: lines.get(`${f.table}/${id}`) ?? 0, id, reason: `引用的上级记录（表 ${f.parent}）在本机和包中都不存在` };
  });
}

export interface Applied {
  conflicts: number;
  /** Rows SQLite refused (a duplicate unique value, a missing parent): the caller rolls back. */
  rejected: RejectedRow[];
}

/**
 * Applies a plan inside the caller's transaction (foreign keys deferred to its end: rows of one
 * table may refer to each other). Rows SQLite refuses are collected, not thrown, so
 * a dry run can list them all; the caller rolls back when there are any.
 */
export function applyMerge(
  sqlite: Database.Database,
  plan: MergePlan,
  { bundleId, now, findOrphans = true }: { bundleId: string | null; now: number; findOrphans?: boolean },
): Applied {
  sqlite.pragma('defer_foreign_keys = ON');
  const keep = sqlite.prepare(
    `INSERT INTO sync_row_meta (table_name, row_id, vv, extra, received_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(table_name, row_id) DO UPDATE SET vv = excluded.vv, extra = excluded.extra, received_at = excluded.received_at`,
  );
  const conflict = sqlite.prepare(
    `INSERT INTO sync_conflicts (id, table_name, row_id, kept, other, kept_is_mine, bundle_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keptExtra = sqlite.prepare<[string, string], { extra: string | null }>('SELECT extra FROM sync_row_meta WHERE table_name = ? AND row_id = ?');
  const rejected: RejectedRow[] = [];
  const lines = new Map<string, number>();
  const write = (p: PlannedRow): boolean => {
    try {
      writeReceivedRow(sqlite, p.table, p.row.values);
      return true;
    } catch (err) {
      const reason = constraintText(err);
      if (!reason) throw err;
      rejected.push({ table: p.table, line: p.row.line, id: p.row.values.id as string, reason });
      return false;
    }
  };
  let conflicts = 0;
  for (const p of plan.rows) {
    const id = p.row.values.id as string;
    lines.set(`${p.table}/${id}`, p.row.line);
    const extra = p.row.extra ? JSON.stringify(p.row.extra) : null;
    if (p.action === 'unchanged') continue;
    if (p.action === 'create' || p.action === 'update') {
      if (write(p)) keep.run(p.table, id, JSON.stringify(p.row.vv), extra, now);
      continue;
    }
    const merged = join(p.row.vv, p.localVv!);
    const mine = withVv(p.local!, p.localVv);
    const theirs = withVv(p.row.values, p.row.vv, p.row.extra);
    if (p.theirsWins && !write(p)) continue;
    const keptExtraNow = p.theirsWins ? extra : (keptExtra.get(p.table, id)?.extra ?? null);
    keep.run(p.table, id, JSON.stringify(merged), keptExtraNow, now);
    conflict.run(uuidv7(now), p.table, id, JSON.stringify(p.theirsWins ? theirs : mine), JSON.stringify(p.theirsWins ? mine : theirs), p.theirsWins ? 0 : 1, bundleId, now);
    conflicts++;
  }
  // Without `findOrphans` a missing parent fails the commit instead (the caller then looks for them).
  if (rejected.length === 0 && findOrphans) rejected.push(...orphans(sqlite, lines));
  return { conflicts, rejected };
}
