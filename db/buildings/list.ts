import { NEED_KINDS_SQL } from '../../messages/requests';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../auth/roles';
import type { ServiceContext } from '../context';
import { residentTagKinds, type ResidentTagKind } from '../schema';
import { buildingFilterSql, type BuildingFilterInput, type FilterSql } from './filter';
import { FLOATING_BY_BUILDING } from './floating';
import { CURRENT_TAG } from './groups';
import { buildingRows } from './rows';
import type { BuildingRow } from '../../electron/api/buildings';

export type BuildingSortKey = 'address' | 'status' | 'statusSince' | 'households' | 'residents' | 'floating' | 'openNeeds' | ResidentTagKind;
export interface BuildingSort {
  key: BuildingSortKey;
  order: 'asc' | 'desc';
}

/** What a sort key orders by, and the aggregate it needs over all buildings (if any). */
function sortSql(key: BuildingSortKey): { join: string; expr: string } {
  switch (key) {
    case 'address':
      return { join: '', expr: 'b.address' };
    case 'status':
      return { join: 'LEFT JOIN status_definitions sd ON sd.key = b.status', expr: 'coalesce(sd.rank, -1)' };
    case 'statusSince':
      return { join: '', expr: 'b.status_since' };
    case 'households':
      return { join: '', expr: 'b.households' };
    case 'residents':
      return { join: '', expr: 'b.residents' };
    case 'floating':
      return { join: `LEFT JOIN (${FLOATING_BY_BUILDING}) s ON s.building_id = b.id`, expr: 'coalesce(s.n, 0)' };
    case 'openNeeds':
      return {
        join: `LEFT JOIN (SELECT building_id, count(*) AS n FROM requests WHERE state IN ('pending', 'handling') AND kind IN ${NEED_KINDS_SQL} AND deleted = 0 GROUP BY building_id) s ON s.building_id = b.id`,
        expr: 'coalesce(s.n, 0)',
      };
    default:
      if (!(residentTagKinds as readonly string[]).includes(key)) throw new Error(`unknown sort key ${String(key)}`);
      return {
        join: `LEFT JOIN (SELECT t.building_id, count(DISTINCT t.resident_id) AS n
                            FROM resident_tags t
                           WHERE t.tag = '${key}' AND ${CURRENT_TAG} GROUP BY t.building_id) s ON s.building_id = b.id`,
        expr: 'coalesce(s.n, 0)',
      };
  }
}

/** The SQL selecting the ids of the filtered buildings in table order (ties by address, then id). */
export function orderedIdsSql(filter: FilterSql, sort: BuildingSort): string {
  const { join, expr } = sortSql(sort.key);
  const dir = sort.order === 'desc' ? 'DESC' : 'ASC';
  return `SELECT b.id FROM buildings b ${join} WHERE ${filter.where} ORDER BY ${expr} ${dir}, b.address, b.id`;
}

/** Ids of the filtered buildings in table order, `limit` of them from `offset` (all by default). */
function orderedIds(sqlite: Database.Database, filter: FilterSql, sort: BuildingSort, now: number, limit = -1, offset = 0): string[] {
  return sqlite.prepare<unknown[], string>(`${orderedIdsSql(filter, sort)} LIMIT @limit OFFSET @offset`).pluck().all({ ...filter.params, now, limit, offset });
}

/** Ids of every filtered building in table order. */
export function orderedBuildingIds(sqlite: Database.Database, actor: Actor, filter: BuildingFilterInput, sort: BuildingSort, now: number): string[] {
  return orderedIds(sqlite, buildingFilterSql(sqlite, actor, filter, now), sort, now);
}

export interface BuildingListInput {
  filter: BuildingFilterInput;
  sort: BuildingSort;
  page: number;
  pageSize: number;
}

/** One page of the buildings table and the number of buildings the filter matches. */
export function listBuildings(ctx: ServiceContext, input: BuildingListInput, now = Date.now()): { rows: BuildingRow[]; total: number } {
  const { sqlite } = ctx;
  const sql = buildingFilterSql(sqlite, ctx.actor, input.filter, now);
  const total = sqlite.prepare<unknown[], number>(`SELECT count(*) FROM buildings b WHERE ${sql.where}`).pluck().get(sql.params)!;
  const offset = (input.page - 1) * input.pageSize;
  if (offset >= total) return { rows: [], total };
  const ids = orderedIds(sqlite, sql, input.sort, now, input.pageSize, offset);
  return { rows: buildingRows(sqlite, ids, now), total };
}
