import type Database from 'better-sqlite3-multiple-ciphers';

/** Floating residents per building, read from the partial index `residents_floating_idx`. */
export const FLOATING_BY_BUILDING = `SELECT building_id, count(*) AS n FROM residents
  WHERE registration = 'floating' AND deleted = 0 GROUP BY building_id`;

/** Floating residents of every building that has any. */
export function floatingCounts(sqlite: Database.Database): ReadonlyMap<string, number> {
  const rows = sqlite.prepare<unknown[], { building_id: string; n: number }>(FLOATING_BY_BUILDING).all();
  return new Map(rows.map((r) => [r.building_id, r.n]));
}
