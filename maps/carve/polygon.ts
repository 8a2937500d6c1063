/**
 * Polygon operations in a local metric frame ([x, y] metres, open rings, counter-clockwise):
 * signed area, inward offset, half-plane clipping, rectangle containment.
 */
export type Pt = [number, number];

export function signedArea(pts: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x2, y2] = pts[(i + 1) % pts.length]!;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

export function centroidOf(pts: readonly Pt[]): Pt {
  const a = signedArea(pts);
  if (Math.abs(a) < 1e-9) return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  let cx = 0, cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x2, y2] = pts[(i + 1) % pts.length]!;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/**
 * Moves every edge inward by its own distance (`inset[i]` for the edge from vertex i to i+1)
 * and joins the moved edges. Returns null when the polygon collapses (turns inside out or
 * becomes too small). Meant for blocks that are convex or nearly so.
 */
export function insetPolygon(pts: readonly Pt[], inset: readonly number[], minArea = 1): Pt[] | null {
  const n = pts.length;
  const lines = pts.map((a, i) => {
    const b = pts[(i + 1) % n]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const nx = -(b[1] - a[1]) / len, ny = (b[0] - a[0]) / len;
    const d = inset[i] ?? 0;
    return { px: a[0] + nx * d, py: a[1] + ny * d, dx: (b[0] - a[0]) / len, dy: (b[1] - a[1]) / len, nx, ny, d };
  });
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const l1 = lines[(i - 1 + n) % n]!;
    const l2 = lines[i]!;
    const denom = l1.dx * l2.dy - l1.dy * l2.dx;
    if (Math.abs(denom) < 0.05) {
      // Nearly straight through: move the vertex along the mean normal.
      const v = pts[i]!;
      const d = (l1.d + l2.d) / 2;
      out.push([v[0] + ((l1.nx + l2.nx) / 2) * d, v[1] + ((l1.ny + l2.ny) / 2) * d]);
    } else {
      const t = ((l2.px - l1.px) * l2.dy - (l2.py - l1.py) * l2.dx) / denom;
      out.push([l1.px + l1.dx * t, l1.py + l1.dy * t]);
    }
  }
  // Inside out, or an edge reversed its direction: the inset swallowed part of the polygon.
  for (let i = 0; i < n; i++) {
    const a = out[i]!, b = out[(i + 1) % n]!;
    const l = lines[i]!;
    if ((b[0] - a[0]) * l.dx + (b[1] - a[1]) * l.dy <= 0) return null;
  }
  return signedArea(out) >= minArea ? out : null;
}

/** Keeps the part of the polygon where nx·x + ny·y ≥ c (Sutherland–Hodgman, one plane). */
export function clipHalfPlane(pts: readonly Pt[], nx: number, ny: number, c: number): Pt[] {
  const out: Pt[] = [];
  const side = (p: Pt) => p[0] * nx + p[1] * ny - c;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!, b = pts[(i + 1) % pts.length]!;
    const sa = side(a), sb = side(b);
    if (sa >= 0) out.push(a);
    if ((sa >= 0) !== (sb >= 0)) {
      const t = sa / (sa - sb);
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    }
  }
  return out;
}

function crosses(p1: Pt, p2: Pt, q1: Pt, q2: Pt): boolean {
  const d = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const d1 = d(q1, q2, p1), d2 = d(q1, q2, p2), d3 = d(p1, p2, q1), d4 = d(p1, p2, q2);
  return d1 * d2 <= 0 && d3 * d4 <= 0 && !(d1 === 0 && d2 === 0);
}

export function pointInside(p: Pt, pts: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a convex shape (e.g. a rectangle's corners) lies wholly inside a simple polygon. */
export function shapeInside(shape: readonly Pt[], pts: readonly Pt[]): boolean {
  for (const p of shape) if (!pointInside(p, pts)) return false;
  for (let i = 0; i < shape.length; i++) {
    const a = shape[i]!, b = shape[(i + 1) % shape.length]!;
    for (let j = 0; j < pts.length; j++) if (crosses(a, b, pts[j]!, pts[(j + 1) % pts.length]!)) return false;
  }
  return true;
}

/** Rotates points by angle (radians) around the origin. */
export function rotate(pts: readonly Pt[], angle: number): Pt[] {
  const c = Math.cos(angle), s = Math.sin(angle);
  return pts.map(([x, y]) => [x * c - y * s, x * s + y * c]);
}
