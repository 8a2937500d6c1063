import type Database from 'better-sqlite3-multiple-ciphers';
import type { LatLngBounds } from '../../electron/api/common';
import type { SearchArea, SearchGroup } from '../../electron/api/search';
import { boundaryBounds } from './bounds';
import { gridDisplayName, nameMatches, type SearchText } from './text';

const IN_SCOPE_GRIDS = `(SELECT value FROM json_each(@scope))`;

/**
 * Per kind: the names to match in the caller's scope (a grid's with its community's in front,
 * so 「永安西里社区第1网格」 finds it), then, for the matches only, what they lie in, in code order.
 */
const SQL = {
  communities: {
    names: `SELECT c.id, c.name AS full FROM communities c WHERE c.deleted = 0
      AND (@scope IS NULL OR c.id IN (SELECT g.community_id FROM grids g WHERE g.id IN ${IN_SCOPE_GRIDS}))`,
    places: `SELECT c.id, c.name, s.name AS within FROM json_each(@ids) j JOIN communities c ON c.id = j.value
      JOIN street_offices s ON s.id = c.street_office_id ORDER BY c.code`,
  },
  grids: {
    names: `SELECT g.id, c.name || g.name AS full, g.name AS own FROM grids g JOIN communities c ON c.id = g.community_id
      WHERE g.deleted = 0 AND (@scope IS NULL OR g.id IN ${IN_SCOPE_GRIDS})`,
    places: `SELECT g.id, g.name, c.name AS within FROM json_each(@ids) j JOIN grids g ON g.id = j.value
      JOIN communities c ON c.id = g.community_id ORDER BY g.code`,
  },
  compounds: {
    names: `SELECT cp.id, cp.name AS full FROM compounds cp WHERE cp.deleted = 0 AND (@scope IS NULL OR cp.grid_id IN ${IN_SCOPE_GRIDS})`,
    places: `SELECT cp.id, cp.name, c.name || ' · ' || g.name AS within FROM json_each(@ids) j JOIN compounds cp ON cp.id = j.value
      JOIN grids g ON g.id = cp.grid_id JOIN communities c ON c.id = g.community_id ORDER BY g.code, cp.name`,
  },
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
 * The communities, grids or compounds whose name (a grid's also with its community's) holds what
 * was typed, as written or as pinyin initials; names that start with it first, then in code order.
 */
export function searchAreas(sqlite: Database.Database, kind: Kind, q: SearchText, scope: readonly string[] | null, limit: number): SearchGroup<SearchArea> {
  const scopeParam = scope ? JSON.stringify(scope) : null;
  const names = sqlite.prepare<unknown[], { id: string; full: string; own?: string }>(SQL[kind].names).all({ scope: scopeParam });
  const hits = names.filter((r) => nameMatches(r.full, q) || (r.own !== undefined && nameMatches(r.own, q))).map((r) => r.id);
  if (hits.length === 0) return { total: 0, items: [] };
  const places = sqlite.prepare<unknown[], { id: string; name: string; within: string }>(SQL[kind].places).all({ ids: JSON.stringify(hits) });
  const shown = places.map((r) => ({ ...r, shown: kind === 'grids' ? gridDisplayName(r.within, r.name) : r.name }));
  const starts = (r: (typeof shown)[number]) => (r.name.startsWith(q.text) || r.shown.startsWith(q.text) ? 0 : 1);
  const ordered = shown.map((r, i) => ({ r, i })).sort((a, b) => starts(a.r) - starts(b.r) || a.i - b.i);
  return {
    total: hits.length,
    items: ordered.slice(0, limit).map(({ r }) => ({ kind: KIND[kind], id: r.id, name: r.shown, within: r.within, ...details(sqlite, kind, r.id) })),
  };
}
