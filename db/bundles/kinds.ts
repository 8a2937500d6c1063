/**
 * A bundle limited to chosen record kinds (messages/bundle-kinds.ts): the rows of the kinds'
 * tables — within the chosen area when there is one — and the rows they need, so it imports on
 * its own (a resident brings its household, building, grid, community and street office).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { BUNDLE_KINDS, type BundleKind } from '../../messages/bundle-kinds';
import type { TravellingName } from '../sync/registry';
import { withParents, type AreaRows } from './area';

export function kindTables(kinds: readonly BundleKind[]): Set<TravellingName> {
  return new Set(kinds.flatMap((k) => BUNDLE_KINDS[k].tables as readonly TravellingName[]));
}

export function kindRows(sqlite: Database.Database, kinds: readonly BundleKind[], area: AreaRows | undefined): AreaRows {
  const rows: AreaRows = new Map();
  for (const table of kindTables(kinds)) {
    const ids = area ? [...(area.get(table) ?? [])] : (sqlite.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]);
    if (ids.length > 0) rows.set(table, new Set(ids));
  }
  return withParents(sqlite, rows);
}
