import type Database from 'better-sqlite3-multiple-ciphers';

/** Every corner the office has: of its communities, grids and building footprints (WGS-84, [lng, lat]). */
export function officeCorners(sqlite: Database.Database): [number, number][] {
  const out: [number, number][] = [];
  for (const table of ['communities', 'grids'] as const) {
    for (const { boundary } of sqlite.prepare<[], { boundary: string }>(`SELECT boundary FROM ${table} WHERE deleted = 0`).all()) {
      for (const ring of JSON.parse(boundary) as number[][][]) for (const p of ring) out.push([p[0]!, p[1]!]);
    }
  }
  for (const { footprint } of sqlite.prepare<[], { footprint: string }>('SELECT footprint FROM buildings WHERE deleted = 0').iterate()) {
    for (const p of JSON.parse(footprint) as number[][]) out.push([p[0]!, p[1]!]);
  }
  return out;
}
