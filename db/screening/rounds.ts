import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { ScreeningScope } from '../schema';
import type { RoundCounts } from './types';
import { gridLabelSql } from '../../messages';
import type { ScreeningRound } from '../../electron/api/screening';

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
  visited_count: number;
  nobody_home_count: number;
  refused_count: number;
}

const ROUND_COLUMNS = `id, hlc, number, name, scope_type, scope_ids, started_at, started_by, closed_at, household_count,
  visited_count, nobody_home_count, refused_count`;

/** A round by id, or NOT_FOUND naming the field. */
export function requireRound(sqlite: Database.Database, id: string, field = 'roundId'): RoundRow {
  const row = sqlite.prepare<unknown[], RoundRow>(`SELECT ${ROUND_COLUMNS} FROM screening_rounds WHERE id = ? AND deleted = 0`).get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'round.notFound', {}, field);
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
    const street = sqlite.prepare<unknown[], string>('SELECT name FROM street_offices WHERE deleted = 0 LIMIT 1').pluck().get();
    return street ? `${street}全街道` : '全街道';
  }
  const sql =
    type === 'communities'
      ? `SELECT c.name FROM json_each(?) j JOIN communities c ON c.id = j.value ORDER BY c.code`
      : `SELECT ${gridLabelSql('cm.name', 'g.name')} FROM json_each(?) j JOIN grids g ON g.id = j.value JOIN communities cm ON cm.id = g.community_id ORDER BY g.code`;
  const names = sqlite.prepare<unknown[], string>(sql).pluck().all(JSON.stringify(ids));
  return joinNames(names, type === 'communities' ? '社区' : '网格');
}

export function toRound(sqlite: Database.Database, row: RoundRow, counts: RoundCounts): ScreeningRound {
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
    .prepare<unknown[], ResultCount>(
      `SELECT round_id, result, count(*) AS n FROM screening_visits INDEXED BY ${index}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY round_id, result`,
    )
    .all(...params);
  const out = new Map<string, RoundCounts>();
  for (const r of rows) {
    let c = out.get(r.round_id);
    if (!c) out.set(r.round_id, (c = { households: 0, visited: 0, nobodyHome: 0, refused: 0 }));
    addCount(c, r.result, r.n);
  }
  return out;
}

/** The street-wide counts the round row keeps (every visit updates them in its transaction). */
function keptCounts(row: RoundRow): RoundCounts {
  return { households: row.household_count, visited: row.visited_count, nobodyHome: row.nobody_home_count, refused: row.refused_count };
}

const EMPTY: RoundCounts = { households: 0, visited: 0, nobodyHome: 0, refused: 0 };

/** One round with its counts (a grid worker's: their grids only). */
export function roundWithCounts(ctx: ServiceContext, row: RoundRow): ScreeningRound {
  const scope = gridScope(ctx.actor);
  const counts = scope ? (roundCounts(ctx.sqlite, scope, [row.id]).get(row.id) ?? { ...EMPTY }) : keptCounts(row);
  return toRound(ctx.sqlite, row, counts);
}

/** Every round, newest first, with its counts. A grid worker sees the rounds that reach their grids. */
export function listRounds(ctx: ServiceContext): ScreeningRound[] {
  authorize(ctx.actor, 'buildings.read');
  const scope = gridScope(ctx.actor);
  const rows = ctx.sqlite
    .prepare<unknown[], RoundRow>(`SELECT ${ROUND_COLUMNS} FROM screening_rounds WHERE deleted = 0 ORDER BY number DESC, started_at DESC`)
    .all();
  if (!scope) return rows.map((r) => toRound(ctx.sqlite, r, keptCounts(r)));
  // A grid worker: one seek per round into their grids.
  const counts = new Map(rows.flatMap((r) => [...roundCounts(ctx.sqlite, scope, [r.id])]));
  return rows.filter((r) => counts.has(r.id)).map((r) => toRound(ctx.sqlite, r, counts.get(r.id)!));
}
