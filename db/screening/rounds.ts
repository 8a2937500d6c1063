import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { ScreeningScope } from '../schema';
import type { RoundCounts, ScreeningRoundData } from './types';

export interface RoundRow {
  id: string;
  hlc: string;
  number: number;
  name: string;
  scope_type: ScreeningScope;
  scope_ids: string;
  started_at: number;
  started_by: string;
  closed_at: number | null;
  household_count: number;
}

const ROUND_COLUMNS = 'id, hlc, number, name, scope_type, scope_ids, started_at, started_by, closed_at, household_count';

/** A round by id, or NOT_FOUND naming the field. */
export function requireRound(sqlite: Database.Database, id: string, field = 'roundId'): RoundRow {
  const row = sqlite.prepare(`SELECT ${ROUND_COLUMNS} FROM screening_rounds WHERE id = ? AND deleted = 0`).get(id) as RoundRow | undefined;
  if (!row) throw new ServiceError('NOT_FOUND', '找不到这一轮入户摸排，可能已被删除，请刷新后重试', field);
  return row;
}

/** 「永安西里社区、海滨社区」, or 「永安西里社区等 5 个社区」 when the list is long. */
function joinNames(names: string[], unit: string): string {
  if (names.length <= 3) return names.join('、');
  return `${names.slice(0, 2).join('、')}等 ${names.length} 个${unit}`;
}

/** Names of the scope, read now (a community renamed since the round started shows its new name). */
export function scopeLabel(sqlite: Database.Database, type: ScreeningScope, ids: string[]): string {
  if (type === 'street') {
    const street = sqlite.prepare('SELECT name FROM street_offices WHERE deleted = 0 LIMIT 1').pluck().get() as string | undefined;
    return street ? `${street}全街道` : '全街道';
  }
  const sql =
    type === 'communities'
      ? `SELECT c.name FROM json_each(?) j JOIN communities c ON c.id = j.value ORDER BY c.code`
      : `SELECT cm.name || g.name FROM json_each(?) j JOIN grids g ON g.id = j.value JOIN communities cm ON cm.id = g.community_id ORDER BY g.code`;
  const names = sqlite.prepare(sql).pluck().all(JSON.stringify(ids)) as string[];
  return joinNames(names, type === 'communities' ? '社区' : '网格');
}

export function toRound(sqlite: Database.Database, row: RoundRow, counts: RoundCounts): ScreeningRoundData {
  const ids = JSON.parse(row.scope_ids) as string[];
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    scope: { type: row.scope_type, ids, label: scopeLabel(sqlite, row.scope_type, ids) },
    startedAt: row.started_at,
    startedBy: row.started_by,
    closedAt: row.closed_at,
    ...counts,
  };
}

type ResultCount = { round_id: string; result: string; n: number };

function addCount(counts: RoundCounts, result: string, n: number): void {
  counts.households += n;
  if (result === 'visited') counts.visited += n;
  else if (result === 'nobody_home') counts.nobodyHome += n;
  else if (result === 'refused') counts.refused += n;
}

/**
 * Counts of some rounds (or of all) in one GROUP BY over the (round_id, building_id, result)
 * index. For a grid worker, the counts cover their grids only.
 */
export function roundCounts(sqlite: Database.Database, scope: readonly string[] | null, roundIds?: readonly string[]): Map<string, RoundCounts> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (roundIds) {
    where.push('round_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(roundIds));
  }
  if (scope) {
    where.push('grid_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(scope));
  }
  const index = scope ? 'screening_visits_grid_idx' : 'screening_visits_building_idx';
  const rows = sqlite
    .prepare(
      `SELECT round_id, result, count(*) AS n FROM screening_visits INDEXED BY ${index}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY round_id, result`,
    )
    .all(...params) as ResultCount[];
  const out = new Map<string, RoundCounts>();
  for (const r of rows) {
    let c = out.get(r.round_id);
    if (!c) out.set(r.round_id, (c = { households: 0, visited: 0, nobodyHome: 0, refused: 0 }));
    addCount(c, r.result, r.n);
  }
  return out;
}

/**
 * A closed round's street-wide counts are final (no visit is recorded after closing), so they
 * are counted once per connection, keyed by the round's id and HLC: anything that changes a
 * closed round's visits must also touch the round row.
 */
const closedCounts = new WeakMap<Database.Database, Map<string, RoundCounts>>();

function streetCounts(sqlite: Database.Database, rows: RoundRow[]): Map<string, RoundCounts> {
  let memo = closedCounts.get(sqlite);
  if (!memo) closedCounts.set(sqlite, (memo = new Map()));
  const key = (r: RoundRow) => `${r.id}|${r.hlc}`;
  const open = rows.filter((r) => r.closed_at === null || !memo.has(key(r)));
  const fresh = open.length === 0 ? new Map<string, RoundCounts>() : roundCounts(sqlite, null, open.length === rows.length ? undefined : open.map((r) => r.id));
  const out = new Map<string, RoundCounts>();
  for (const r of rows) {
    const counts = fresh.get(r.id) ?? memo.get(key(r));
    if (!counts) continue;
    if (r.closed_at !== null) memo.set(key(r), counts);
    out.set(r.id, counts);
  }
  return out;
}

const EMPTY: RoundCounts = { households: 0, visited: 0, nobodyHome: 0, refused: 0 };

/** One round with its counts (a grid worker's: their grids only). */
export function roundWithCounts(ctx: ServiceContext, row: RoundRow): ScreeningRoundData {
  const scope = gridScope(ctx.actor);
  const counts = roundCounts(ctx.sqlite, scope, [row.id]).get(row.id) ?? { ...EMPTY };
  return toRound(ctx.sqlite, row, counts);
}

/** Every round, newest first, with its counts. A grid worker sees the rounds that reach their grids. */
export function listRounds(ctx: ServiceContext): ScreeningRoundData[] {
  authorize(ctx.actor, 'buildings.read');
  const scope = gridScope(ctx.actor);
  const rows = ctx.sqlite
    .prepare(`SELECT ${ROUND_COLUMNS} FROM screening_rounds WHERE deleted = 0 ORDER BY number DESC, started_at DESC`)
    .all() as RoundRow[];
  // The whole street: one pass over the index for the rounds not counted yet. A grid worker:
  // one seek per round into their grids.
  const counts = scope ? new Map(rows.flatMap((r) => [...roundCounts(ctx.sqlite, scope, [r.id])])) : streetCounts(ctx.sqlite, rows);
  return rows.filter((r) => !scope || counts.has(r.id)).map((r) => toRound(ctx.sqlite, r, counts.get(r.id) ?? { ...EMPTY }));
}
