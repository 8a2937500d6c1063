/** Pure helpers over flat [lng, lat, lng, lat, …] footprints. */

export type LatLngPair = [number, number];

/** Footprint to Leaflet's [lat, lng] pairs (drops a closing point equal to the first). */
export function footprintLatLngs(flat: readonly number[]): LatLngPair[] {
  const out: LatLngPair[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i + 1] as number, flat[i] as number]);
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 3 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** Even-odd test of a point against a ring of [lat, lng]. */
export function pointInRing(lat: number, lng: number, ring: readonly LatLngPair[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i] as LatLngPair;
    const [yj, xj] = ring[j] as LatLngPair;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Area-weighted centroid of a ring (falls back to the vertex mean for degenerate rings). */
export function ringCentroid(ring: readonly LatLngPair[]): LatLngPair {
  let area = 0, cy = 0, cx = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i] as LatLngPair;
    const [yj, xj] = ring[j] as LatLngPair;
    const f = xj * yi - xi * yj;
    area += f;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  if (Math.abs(area) < 1e-18) {
    const n = Math.max(1, ring.length);
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cy / (3 * area), cx / (3 * area)];
}

/**
 * A point surely inside the ring: the centroid when it is inside (convex and most L-shapes),
 * otherwise the inside midpoint of a horizontal chord through the ring's middle.
 */
export function interiorPoint(ring: readonly LatLngPair[]): LatLngPair | null {
  if (ring.length < 3) return null;
  const c = ringCentroid(ring);
  if (pointInRing(c[0], c[1], ring)) return c;
  let south = Infinity, north = -Infinity;
  for (const [lat] of ring) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  for (const t of [0.5, 0.35, 0.65, 0.2, 0.8]) {
    const lat = south + (north - south) * t;
    const xs: number[] = [];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [yi, xi] = ring[i] as LatLngPair;
      const [yj, xj] = ring[j] as LatLngPair;
      if (yi > lat !== yj > lat) xs.push(((xj - xi) * (lat - yi)) / (yj - yi) + xi);
    }
    xs.sort((a, b) => a - b);
    let best: LatLngPair | null = null, width = 0;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const w = (xs[k + 1] as number) - (xs[k] as number);
      if (w > width) {
        width = w;
        best = [lat, ((xs[k] as number) + (xs[k + 1] as number)) / 2];
      }
    }
    if (best) return best;
  }
  return null;
}

/** `#rrggbb` mixed towards black (amount < 0) or white (amount > 0). */
export function shade(hex: string, amount: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1] as string, 16);
  const target = amount < 0 ? 0 : 255;
  const k = Math.abs(amount);
  const mix = (c: number) => Math.round(c + (target - c) * k);
  const r = mix((n >> 16) & 255), g = mix((n >> 8) & 255), b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}
