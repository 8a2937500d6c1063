/**
 * Plain geometry on GeoJSON-style coordinates ([lng, lat], WGS-84): areas, centroids,
 * containment, bounding boxes, overlap and simplification. No dependencies, browser-safe.
 */
import { createLocalFrame, type Position } from './local-frame';

export type { Position };
export type Ring = Position[];
/** GeoJSON Polygon coordinates: outer ring first, then holes. */
export type PolygonCoords = Ring[];
/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

const EARTH_RADIUS = 6_378_137;
const rad = (d: number) => (d * Math.PI) / 180;

/**
 * Signed area of a ring in m² on a sphere (Chamberlain & Duquette, the formula GeoJSON
 * tools use): positive when counter-clockwise.
 */
export function ringSignedArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p1 = ring[i]!;
    const p2 = ring[(i + 1) % n]!;
    sum += rad(p2[0] - p1[0]) * (2 + Math.sin(rad(p1[1])) + Math.sin(rad(p2[1])));
  }
  return (-sum * EARTH_RADIUS * EARTH_RADIUS) / 2;
}

/** Area in m² of a polygon: the outer ring minus its holes. */
export function polygonArea(polygon: readonly Ring[]): number {
  let area = 0;
  polygon.forEach((ring, i) => {
    const a = Math.abs(ringSignedArea(ring));
    area += i === 0 ? a : -a;
  });
  return Math.max(area, 0);
}

/** Area-weighted centroid of the outer ring (planar in degrees: fine at city scale). */
export function polygonCentroid(polygon: readonly Ring[]): Position {
  const ring = polygon[0] ?? [];
  let a = 0, cx = 0, cy = 0;
  const [ox, oy] = ring[0] ?? [0, 0];
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    const f = (x1 - ox) * (y2 - oy) - (x2 - ox) * (y1 - oy);
    a += f;
    cx += (x1 - ox + x2 - ox) * f;
    cy += (y1 - oy + y2 - oy) * f;
  }
  if (Math.abs(a) < 1e-18) {
    const pts = ring.length > 1 ? ring.slice(0, -1) : ring;
    const n = Math.max(pts.length, 1);
    return [pts.reduce((s, p) => s + p[0], 0) / n, pts.reduce((s, p) => s + p[1], 0) / n];
  }
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
}

/** Ray casting; points exactly on the boundary may go either way. */
export function pointInRing(point: readonly number[], ring: readonly Position[]): boolean {
  const x = point[0]!, y = point[1]!;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(point: readonly number[], polygon: readonly Ring[]): boolean {
  if (!polygon[0] || !pointInRing(point, polygon[0])) return false;
  for (let i = 1; i < polygon.length; i++) if (pointInRing(point, polygon[i]!)) return false;
  return true;
}

export function bbox(positions: readonly Position[] | readonly Ring[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    if (p[0] < box[0]) box[0] = p[0];
    if (p[1] < box[1]) box[1] = p[1];
    if (p[0] > box[2]) box[2] = p[0];
    if (p[1] > box[3]) box[3] = p[1];
  };
  for (const item of positions) {
    if (typeof item[0] === 'number') visit(item as Position);
    else for (const p of item as Ring) visit(p);
  }
  return box;
}

export function bboxOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Whether two segments properly cross or touch. */
export function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2), d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (a: Position, b: Position, c: Position, d: number) =>
    d === 0 && Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);
  return on(q1, q2, p1, d1) || on(q1, q2, p2, d2) || on(p1, p2, q1, d3) || on(p1, p2, q2, d4);
}

/** Whether two convex rings (e.g. building footprints) share any area or touch (separating axis test). */
export function convexRingsOverlap(a: readonly Position[], b: readonly Position[]): boolean {
  for (const ring of [a, b]) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      const nx = y1 - y2, ny = x2 - x1;
      let minA = Infinity, maxA = -Infinity, minB = Infinity, maxB = -Infinity;
      for (const p of a) { const d = p[0] * nx + p[1] * ny; minA = Math.min(minA, d); maxA = Math.max(maxA, d); }
      for (const p of b) { const d = p[0] * nx + p[1] * ny; minB = Math.min(minB, d); maxB = Math.max(maxB, d); }
      if (maxA < minB || maxB < minA) return false;
    }
  }
  return true;
}

/** Whether a ring lies wholly inside a polygon: every vertex inside and no edge crossing its boundary. */
export function ringInsidePolygon(ring: readonly Position[], polygon: readonly Ring[]): boolean {
  if (!ring.every((p) => pointInPolygon(p, polygon))) return false;
  for (const boundary of polygon)
    for (let i = 0; i < ring.length - 1; i++)
      for (let j = 0; j < boundary.length - 1; j++)
        if (segmentsIntersect(ring[i]!, ring[i + 1]!, boundary[j]!, boundary[j + 1]!)) return false;
  return true;
}

/** Douglas–Peucker simplification of a line; tolerance in metres. Keeps both ends. */
export function simplifyLine(line: readonly Position[], toleranceMetres: number): Position[] {
  if (line.length <= 2) return line.map((p) => [p[0], p[1]]);
  const frame = createLocalFrame(line[0]!);
  const pts = line.map((p) => frame.toLocal(p));
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    const [ax, ay] = pts[s]!;
    const [bx, by] = pts[e]!;
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1, worstD = 0;
    for (let i = s + 1; i < e; i++) {
      const [px, py] = pts[i]!;
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > worstD) { worstD = d; worst = i; }
    }
    if (worst >= 0 && worstD > toleranceMetres) {
      keep[worst] = 1;
      stack.push([s, worst], [worst, e]);
    }
  }
  return line.filter((_, i) => keep[i]).map((p) => [p[0], p[1]]);
}

/** Simplifies a closed ring, keeping it closed with at least 4 positions. */
export function simplifyRing(ring: readonly Position[], toleranceMetres: number): Position[] {
  if (ring.length <= 4) return ring.map((p) => [p[0], p[1]]);
  // Split at the vertex farthest from the first, so both halves keep the ring's extent.
  const [x0, y0] = ring[0]!;
  let far = 1, farD = -1;
  ring.forEach(([x, y], i) => { const d = (x - x0) ** 2 + (y - y0) ** 2; if (d > farD) { farD = d; far = i; } });
  const a = simplifyLine(ring.slice(0, far + 1), toleranceMetres);
  const b = simplifyLine(ring.slice(far), toleranceMetres);
  const out = [...a, ...b.slice(1)];
  return out.length >= 4 ? out : ring.map((p) => [p[0], p[1]]);
}
