import type Database from 'better-sqlite3-multiple-ciphers';
import type { LatLngBounds } from '../../electron/api/common';
import type { SearchArea, SearchGroup } from '../../electron/api/search';
import { boundaryBounds } from './bounds';
import { gridDisplayName, nameMatches, type SearchText } from './text';

interface AreaRow {
  id: string;
  name: string;
  within: string;
}

/** Communities, grids and compounds of the caller's scope, in code order, with what they lie in. */
const SQL = {
  communities: `SELECT c.id, c.name, s.name AS within FROM communities c JOIN street_offices s ON s.id = c.street_office_id
    WHERE c.deleted = 0 AND (@scope IS NULL OR c.id IN (SELECT g.community_id FROM grids g WHERE g.id IN (SELECT value FROM json_each(@scope))))
    ORDER BY c.code`,
  grids: `SELECT g.id, g.name, c.name AS within FROM grids g JOIN communities c ON c.id = g.community_id
    WHERE g.deleted = 0 AND (@scope IS NULL OR g.id IN (SELECT value FROM json_each(@scope))) ORDER BY g.code`,
  compounds: `SELECT cp.id, cp.name, c.name || ' · ' || g.name AS within FROM compounds cp JOIN grids g ON g.id = cp.grid_id
    JOIN communities c ON c.id = g.community_id
    WHERE cp.deleted = 0 AND (@scope IS NULL OR cp.grid_id IN (SELECT value FROM json_each(@scope))) ORDER BY g.code, cp.name`,
} as const;

type Kind = keyof typeof SQL;
const KIND: Record<Kind, SearchArea['kind']> = { communities: 'community', grids: 'grid', compounds: 'compound' };

function details(sqlite: Database.Database, kind: Kind, id: string): { buildings: number; bounds: LatLngBounds | null } {
  if (kind === 'compounds') {
    const box = sqlite
      .prepare<unknown[], { n: number; s: number | null; w: number | null; no: number | null; e: number | null }>(
        `SELECT count(*) AS n, min(centroid_lat) AS s, min(centroid_lng) AS w, max(centroid_lat) AS no, max(centroid_lng) AS e
           FROM buildings WHERE compound_id = ? AND deleted = 0`,
      )
      .get(id)!;
    const bounds: LatLngBounds | null = box.s === null ? null : [[box.s, box.w!], [box.no!, box.e!]];
    return { buildings: box.n, bounds };
  }
  const table = kind === 'grids' ? 'grids' : 'communities';
  const column = kind === 'grids' ? 'grid_id' : 'community_id';
  const boundary = sqlite.prepare<unknown[], string>(`SELECT boundary FROM ${table} WHERE id = ?`).pluck().get(id);
  const buildings = sqlite.prepare<unknown[], number>(`SELECT count(*) FROM buildings WHERE ${column} = ? AND deleted = 0`).pluck().get(id) ?? 0;
  return { buildings, bounds: boundary ? boundaryBounds(boundary) : null };
}

/**
 * The communities, grids or compounds whose name (a grid's with its community's) holds what was
 * typed, as written or as pinyin initials; names that start with it first.
 */
export function searchAreas(sqlite: Database.Database, kind: Kind, q: SearchText, scope: readonly string[] | null, limit: number): SearchGroup<SearchArea> {
  const rows = sqlite.prepare<unknown[], AreaRow>(SQL[kind]).all({ scope: scope ? JSON.stringify(scope) : null });
  const named = rows.map((r) => ({ ...r, shown: kind === 'grids' ? gridDisplayName(r.within, r.name) : r.name }));
  const hits = named.filter((r) => nameMatches(kind === 'grids' ? `${r.within}${r.name}` : r.name, q) || (kind === 'grids' && nameMatches(r.name, q)));
  const starts = (r: (typeof hits)[number]) => (r.name.startsWith(q.text) || r.shown.startsWith(q.text) ? 0 : 1);
  const ordered = hits.map((r, i) => ({ r, i })).sort((a, b) => starts(a.r) - starts(b.r) || a.i - b.i);
  return {
    total: hits.length,
    items: ordered.slice(0, limit).map(({ r }) => ({ kind: KIND[kind], id: r.id, name: r.shown, within: r.within, ...details(sqlite, kind, r.id) })),
  };
}
