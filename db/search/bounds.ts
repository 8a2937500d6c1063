import type { LatLngBounds } from '../../electron/api/common';

/** The box around GeoJSON rings of [lng, lat], as [[south, west], [north, east]]; null when empty. */
export function ringsBounds(rings: readonly (readonly (readonly number[])[])[]): LatLngBounds | null {
  let s = Infinity, w = Infinity, n = -Infinity, e = -Infinity;
  for (const ring of rings) {
    for (const [lng, lat] of ring) {
      if (lng === undefined || lat === undefined) continue;
      s = Math.min(s, lat);
      n = Math.max(n, lat);
      w = Math.min(w, lng);
      e = Math.max(e, lng);
    }
  }
  return Number.isFinite(s) ? [[s, w], [n, e]] : null;
}

/** The box of a boundary stored as JSON text. */
export function boundaryBounds(boundary: string): LatLngBounds | null {
  return ringsBounds(JSON.parse(boundary) as number[][][]);
}
