import { NEED_KINDS_SQL } from '../../messages/requests';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ResidentTagKind } from '../schema';
import { SAFE_COMPOUND_IDS } from './filter';
import { floatingCounts } from './floating';
import { CURRENT_TAG, emptyTagCounts, type TagCounts } from './groups';
import type { BuildingRow } from '../../electron/api/buildings';

interface BaseRow {
  id: string;
  address: string;
  name: string;
  compound_name: string;
  community_name: string;
  grid_name: string;
  status: string;
  status_since: number;
  status_until: number | null;
  safe: number;
  households: number;
  residents: number;
}

const IDS = 'SELECT value FROM json_each(@ids)';
/** Beyond this many buildings, floating residents are counted for all at once. */
const MANY = 500;

function countsBy(sqlite: Database.Database, sql: string, params: Record<string, unknown>): Map<string, number> {
  return new Map(sqlite.prepare<unknown[], { building_id: string; n: number }>(sql).all(params).map((r) => [r.building_id, r.n]));
}

/**
 * The table rows of the given buildings, in the order given: names of what they belong to, and
 * counts looked up for these buildings only (indexed by building).
 */
export function buildingRows(sqlite: Database.Database, ids: readonly string[], now: number): BuildingRow[] {
  if (ids.length === 0) return [];
  const params = { ids: JSON.stringify(ids), now };
  const base = sqlite
    .prepare<unknown[], BaseRow>(
      `SELECT b.id, b.address, b.name, c.name AS compound_name, m.name AS community_name, g.name AS grid_name,
              b.status, b.status_since, b.status_until, b.compound_id IN (${SAFE_COMPOUND_IDS}) AS safe, b.households, b.residents
         FROM buildings b JOIN compounds c ON c.id = b.compound_id JOIN communities m ON m.id = b.community_id JOIN grids g ON g.id = b.grid_id
        WHERE b.id IN (${IDS})`,
    )
    .all({ ids: params.ids });
  const floating: ReadonlyMap<string, number> =
    ids.length > MANY
      ? floatingCounts(sqlite)
      : countsBy(
          sqlite,
          `SELECT building_id, count(*) AS n FROM residents WHERE building_id IN (${IDS}) AND registration = 'floating' AND deleted = 0 GROUP BY building_id`,
          { ids: params.ids },
        );
  const needs = countsBy(
    sqlite,
    `SELECT building_id, count(*) AS n FROM requests WHERE building_id IN (${IDS}) AND state IN ('pending', 'handling') AND kind IN ${NEED_KINDS_SQL} AND deleted = 0 GROUP BY building_id`,
    { ids: params.ids },
  );
  const incidents = countsBy(
    sqlite,
    `SELECT building_id, count(*) AS n FROM requests WHERE building_id IN (${IDS}) AND state IN ('pending', 'handling') AND kind NOT IN ${NEED_KINDS_SQL} AND deleted = 0 GROUP BY building_id`,
    { ids: params.ids },
  );
  const tags = new Map<string, TagCounts>();
  const tagRows = sqlite
    .prepare<unknown[], { building_id: string; tag: ResidentTagKind; n: number }>(
      `SELECT t.building_id, t.tag, count(DISTINCT t.resident_id) AS n
         FROM resident_tags t
        WHERE t.building_id IN (${IDS}) AND ${CURRENT_TAG} GROUP BY t.building_id, t.tag`,
    )
    .all(params);
  for (const r of tagRows) {
    let counts = tags.get(r.building_id);
    if (!counts) tags.set(r.building_id, (counts = emptyTagCounts()));
    if (r.tag in counts) counts[r.tag] = r.n;
  }
  const byId = new Map(base.map((b) => [b.id, b]));
  return ids.flatMap((id) => {
    const b = byId.get(id);
    if (!b) return [];
    return [
      {
        id: b.id,
        address: b.address,
        name: b.name,
        compoundName: b.compound_name,
        communityName: b.community_name,
        gridName: b.grid_name,
        status: b.status,
        statusSince: b.status_since,
        statusUntil: b.status_until,
        safeCompound: b.safe === 1,
        households: b.households,
        residents: b.residents,
        floating: floating.get(id) ?? 0,
        tags: tags.get(id) ?? emptyTagCounts(),
        openNeeds: needs.get(id) ?? 0,
        openIncidents: incidents.get(id) ?? 0,
      },
    ];
  });
}
