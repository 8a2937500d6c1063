import type { Footprints } from './building-data';

/** The middle of each building (vertex mean, world units): x, y per building. Cached on `f`. */
export function buildingCentres(f: Footprints & { centres?: Float64Array }): Float64Array {
  if (f.centres) return f.centres;
  const out = new Float64Array(2 * f.count);
  for (let i = 0; i < f.count; i++) {
    const s = f.start[i] as number, e = f.start[i + 1] as number;
    let x = 0, y = 0;
    for (let k = s; k < e; k++) {
      x += f.xy[2 * k] as number;
      y += f.xy[2 * k + 1] as number;
    }
    const n = Math.max(1, e - s);
    out[2 * i] = e > s ? x / n : NaN;
    out[2 * i + 1] = e > s ? y / n : NaN;
  }
  f.centres = out;
  return out;
}

/** Even-odd test of (x, y) against a flat [x, y, x, y, …] polygon. */
export function insidePolygon(poly: ArrayLike<number>, x: number, y: number): boolean {
  let inside = false;
  const n = poly.length >> 1;
  for (let a = 0, b = n - 1; a < n; b = a++) {
    const xa = poly[2 * a] as number, ya = poly[2 * a + 1] as number;
    const xb = poly[2 * b] as number, yb = poly[2 * b + 1] as number;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

/**
 * Buildings whose middle lies inside a polygon given as flat world [x, y, …]: a bounding-box
 * check first, the polygon test only for those inside it (10,000 buildings take well under a
 * millisecond for an ordinary lasso).
 */
export function buildingsInPolygon(f: Footprints, poly: ArrayLike<number>): number[] {
  const n = poly.length >> 1;
  if (n < 3) return [];
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    const x = poly[2 * k] as number, y = poly[2 * k + 1] as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const c = buildingCentres(f);
  const out: number[] = [];
  for (let i = 0; i < f.count; i++) {
    const x = c[2 * i] as number, y = c[2 * i + 1] as number;
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) continue;
    if (insidePolygon(poly, x, y)) out.push(i);
  }
  return out;
}
