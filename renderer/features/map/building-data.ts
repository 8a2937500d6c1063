/**
 * Building footprints as flat typed arrays in Web Mercator "world" units (the whole world is
 * 0…1 on both axes; × `256·2^zoom` gives Leaflet's pixel coordinates at that zoom), with a
 * bounding box per building and a uniform grid over them for hit testing. No object per
 * building and no object per vertex.
 */

export interface Footprints {
  readonly count: number;
  /** Vertex offsets: building i owns vertices start[i] … start[i + 1] − 1 (n + 1 entries). */
  readonly start: Uint32Array;
  /** x, y of every vertex; every ring wound the same way, closing point dropped. */
  readonly xy: Float64Array;
  /** minX, minY, maxX, maxY of every building. */
  readonly box: Float64Array;
  /** Built on first hit test. */
  grid: Grid | null;
}

interface Grid {
  x0: number;
  y0: number;
  cell: number;
  cols: number;
  rows: number;
  /** Buildings of cell c: items[cellStart[c]] … items[cellStart[c + 1] − 1]. */
  cellStart: Uint32Array;
  items: Uint32Array;
}

const MAX_LATITUDE = 85.0511287798;
const DEG = Math.PI / 180;

/** Longitude to world x (what Leaflet's EPSG:3857 gives at scale 1). */
export const worldX = (lng: number): number => lng / 360 + 0.5;

/** Latitude to world y (Leaflet's spherical Mercator, clamped the same way). */
export function worldY(lat: number): number {
  const sin = Math.sin(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * DEG);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

/** Vertex count of a flat [lng, lat, …] footprint without a closing point equal to the first. */
function vertexCount(flat: readonly number[]): number {
  const n = flat.length >> 1;
  return n > 3 && flat[0] === flat[2 * n - 2] && flat[1] === flat[2 * n - 1] ? n - 1 : n;
}

/** Projects `count` footprints (flat [lng, lat, …]; a missing one becomes an empty footprint). */
export function prepareFootprints(footprints: readonly (readonly number[])[], count = footprints.length): Footprints {
  const start = new Uint32Array(count + 1);
  let total = 0;
  for (let i = 0; i < count; i++) start[i + 1] = total += vertexCount(footprints[i] ?? []);
  const xy = new Float64Array(2 * total);
  const box = new Float64Array(4 * count);
  for (let i = 0, at = 0; i < count; i++) {
    const flat = footprints[i] ?? [];
    const first = at, n = (start[i + 1] as number) - (start[i] as number);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, area = 0;
    let px = n > 0 ? worldX(flat[2 * n - 2] as number) : 0, py = n > 0 ? worldY(flat[2 * n - 1] as number) : 0;
    for (let k = 0; k < 2 * n; k += 2, at += 2) {
      const x = worldX(flat[k] as number), y = worldY(flat[k + 1] as number);
      xy[at] = x;
      xy[at + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      area += px * y - x * py;
      px = x;
      py = y;
    }
    // One winding for all (the usual one of GeoJSON outer rings, so rarely a reversal), so
    // that one batched path filled "nonzero" never cuts holes where footprints overlap.
    if (area > 0) reverse(xy, first >> 1, n);
    box[4 * i] = minX;
    box[4 * i + 1] = minY;
    box[4 * i + 2] = maxX;
    box[4 * i + 3] = maxY;
  }
  return { count, start, xy, box, grid: null };
}

function reverse(xy: Float64Array, s: number, n: number): void {
  for (let a = s, b = s + n - 1; a < b; a++, b--) {
    const x = xy[2 * a] as number, y = xy[2 * a + 1] as number;
    xy[2 * a] = xy[2 * b] as number;
    xy[2 * a + 1] = xy[2 * b + 1] as number;
    xy[2 * b] = x;
    xy[2 * b + 1] = y;
  }
}

/** The hit-test grid, built on first use (painting does not need it). */
export function ensureGrid(f: Footprints): Grid {
  f.grid ??= buildGrid(f.box, f.count);
  return f.grid;
}

function buildGrid(box: Float64Array, count: number): Grid {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let b = 0; b < 4 * count; b += 4) {
    if ((box[b] as number) > (box[b + 2] as number)) continue;
    if ((box[b] as number) < x0) x0 = box[b] as number;
    if ((box[b + 1] as number) < y0) y0 = box[b + 1] as number;
    if ((box[b + 2] as number) > x1) x1 = box[b + 2] as number;
    if ((box[b + 3] as number) > y1) y1 = box[b + 3] as number;
  }
  if (!(x1 >= x0)) return { x0: 0, y0: 0, cell: 1, cols: 1, rows: 1, cellStart: new Uint32Array(2), items: new Uint32Array(0) };
  // About one cell per building.
  const cell = Math.max(Math.sqrt(((x1 - x0) * (y1 - y0)) / Math.max(1, count)), (x1 - x0) / 4096, (y1 - y0) / 4096, 1e-12);
  const cols = Math.floor((x1 - x0) / cell) + 1, rows = Math.floor((y1 - y0) / cell) + 1;
  // Cell ranges of every building, then a count per cell, then the buildings per cell.
  const span = new Int32Array(4 * count).fill(-1);
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let b = 0; b < 4 * count; b += 4) {
    if ((box[b] as number) > (box[b + 2] as number)) continue;
    const c0 = Math.floor(((box[b] as number) - x0) / cell), c1 = Math.floor(((box[b + 2] as number) - x0) / cell);
    const r0 = Math.floor(((box[b + 1] as number) - y0) / cell), r1 = Math.floor(((box[b + 3] as number) - y0) / cell);
    span[b] = c0;
    span[b + 1] = r0;
    span[b + 2] = c1;
    span[b + 3] = r1;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cellStart[r * cols + c + 1]! += 1;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c] as number;
  const items = new Uint32Array(cellStart[cols * rows] as number);
  const next = cellStart.slice(0, cols * rows);
  for (let i = 0, b = 0; i < count; i++, b += 4) {
    if ((span[b] as number) < 0) continue;
    for (let r = span[b + 1] as number; r <= (span[b + 3] as number); r++) {
      for (let c = span[b] as number; c <= (span[b + 2] as number); c++) items[next[r * cols + c]!++] = i;
    }
  }
  return { x0, y0, cell, cols, rows, cellStart, items };
}

/** Even-odd test of world point (x, y) against building i. */
function contains(f: Footprints, i: number, x: number, y: number): boolean {
  const s = f.start[i] as number, e = f.start[i + 1] as number;
  let inside = false;
  for (let a = s, b = e - 1; a < e; b = a++) {
    const xa = f.xy[2 * a] as number, ya = f.xy[2 * a + 1] as number;
    const xb = f.xy[2 * b] as number, yb = f.xy[2 * b + 1] as number;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

/** Squared distance from world point (x, y) to the outline of building i. */
function outlineDistance2(f: Footprints, i: number, x: number, y: number): number {
  const s = f.start[i] as number, e = f.start[i + 1] as number;
  let best = Infinity;
  for (let a = s, b = e - 1; a < e; b = a++) {
    const xa = f.xy[2 * a] as number, ya = f.xy[2 * a + 1] as number;
    const dx = (f.xy[2 * b] as number) - xa, dy = (f.xy[2 * b + 1] as number) - ya;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - xa) * dx + (y - ya) * dy) / len2)) : 0;
    const ex = xa + t * dx - x, ey = ya + t * dy - y;
    best = Math.min(best, ex * ex + ey * ey);
  }
  return best;
}

/**
 * The building at world point (x, y): one whose footprint contains it (the one drawn on top,
 * by `rank`), else the nearest whose outline is within `tolerance`; −1 for none.
 */
export function hitTest(f: Footprints, x: number, y: number, tolerance: number, rank: (i: number) => number): number {
  const g = ensureGrid(f);
  const c0 = Math.max(0, Math.floor((x - tolerance - g.x0) / g.cell)), c1 = Math.min(g.cols - 1, Math.floor((x + tolerance - g.x0) / g.cell));
  const r0 = Math.max(0, Math.floor((y - tolerance - g.y0) / g.cell)), r1 = Math.min(g.rows - 1, Math.floor((y + tolerance - g.y0) / g.cell));
  let hit = -1, hitRank = -Infinity, near = -1, nearD2 = tolerance * tolerance;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cell = r * g.cols + c;
      for (let k = g.cellStart[cell] as number, end = g.cellStart[cell + 1] as number; k < end; k++) {
        const i = g.items[k] as number;
        const b = 4 * i;
        if (x < (f.box[b] as number) - tolerance || x > (f.box[b + 2] as number) + tolerance) continue;
        if (y < (f.box[b + 1] as number) - tolerance || y > (f.box[b + 3] as number) + tolerance) continue;
        if (contains(f, i, x, y)) {
          const rk = rank(i);
          if (rk > hitRank || (rk === hitRank && i > hit)) {
            hit = i;
            hitRank = rk;
          }
        } else if (hit < 0) {
          const d2 = outlineDistance2(f, i, x, y);
          if (d2 <= nearD2) {
            near = i;
            nearD2 = d2;
          }
        }
      }
    }
  }
  return hit >= 0 ? hit : near;
}
