/**
 * A bundle limited to chosen communities and grids (docs/bundle-format.md, "Scope"): the rows that
 * belong to the area — reached from its communities and grids through foreign keys, child by child
 * — and the rows those need (their parents, e.g. a grid's community, a shift's person), so the
 * bundle imports on its own.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import { travellingTables, type TravellingName } from '../sync/registry';
import { parentsFirst } from './merge';

export interface AreaChoice {
  communityIds: readonly string[];
  gridIds: readonly string[];
}

/** The ids of each table's rows in the area or needed by them; a table absent has none. */
export type AreaRows = Map<TravellingName, Set<string>>;

interface ForeignKey {
  table: string;
  from: string;
}

const foreignKeys = (sqlite: Database.Database, table: string) =>
  (sqlite.pragma(`foreign_key_list(${table})`) as ForeignKey[]).filter((f) => f.table !== table);

function checkChosen(sqlite: Database.Database, table: 'communities' | 'grids', ids: readonly string[], field: string): void {
  const found = sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0`).all(JSON.stringify(ids));
  const known = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw new ServiceError('INVALID_INPUT', 'bundle.areaNotFound', { id: missing, field }, field);
}

export function areaRows(sqlite: Database.Database, choice: AreaChoice): AreaRows {
  if (choice.communityIds.length + choice.gridIds.length === 0) throw new ServiceError('INVALID_INPUT', 'bundle.areaEmpty', {}, 'communityIds');
  checkChosen(sqlite, 'communities', choice.communityIds, 'communityIds');
  checkChosen(sqlite, 'grids', choice.gridIds, 'gridIds');
  const inArea = new Map<string, Set<string>>();
  inArea.set('communities', new Set(choice.communityIds));
  const grids = sqlite
    .prepare<[string], { id: string }>('SELECT id FROM grids WHERE community_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(choice.communityIds));
  inArea.set('grids', new Set([...choice.gridIds, ...grids.map((g) => g.id)]));

  const order = parentsFirst(sqlite, travellingTables.map((t) => t.name));
  for (const table of order) {
    if (table === 'communities' || table === 'grids') continue;
    const links = foreignKeys(sqlite, table).filter((f) => (inArea.get(f.table)?.size ?? 0) > 0);
    if (links.length === 0) continue;
    const where = links.map((f) => `${f.from} IN (SELECT value FROM json_each(?))`).join(' OR ');
    const ids = sqlite.prepare(`SELECT id FROM ${table} WHERE ${where}`).all(...links.map((f) => JSON.stringify([...inArea.get(f.table)!]))) as { id: string }[];
    if (ids.length > 0) inArea.set(table, new Set(ids.map((r) => r.id)));
  }

  return withParents(sqlite, new Map([...inArea].map(([t, ids]) => [t as TravellingName, new Set(ids)])), order);
}

/** Adds to `rows` the rows they need, through every foreign key, up to the street office. */
export function withParents(sqlite: Database.Database, rows: AreaRows, order = parentsFirst(sqlite, travellingTables.map((t) => t.name))): AreaRows {
  for (const table of [...order].reverse()) {
    const ids = rows.get(table);
    if (!ids || ids.size === 0) continue;
    for (const fk of foreignKeys(sqlite, table)) {
      const parents = sqlite
        .prepare(`SELECT DISTINCT ${fk.from} AS id FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND ${fk.from} IS NOT NULL`)
        .all(JSON.stringify([...ids])) as { id: string }[];
      if (parents.length === 0) continue;
      const into = rows.get(fk.table as TravellingName) ?? new Set<string>();
      for (const p of parents) into.add(p.id);
      rows.set(fk.table as TravellingName, into);
    }
  }
  return rows;
}
