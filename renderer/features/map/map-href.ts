import type { LatLngBounds } from '../../../electron/api';
import { hashHref } from '../../app/use-hash-route';

/** `#/map?building=<id>`: the map with the building's panel open and the building in view. */
export function buildingOnMapHref(id: string): string {
  return hashHref('map', [], { building: id });
}

/** `#/map?fit=<south>,<west>,<north>,<east>`: the map fitted to an area (a compound, grid or community). */
export function areaOnMapHref(bounds: LatLngBounds): string {
  return hashHref('map', [], { fit: bounds.flat().join(',') });
}

/** The box of a `fit` link, or null when it is not four numbers. */
export function readFitParam(value: string | null): LatLngBounds | null {
  const n = value?.split(',').map(Number) ?? [];
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return null;
  const [s, w, north, e] = n as [number, number, number, number];
  return [[s, w], [north, e]];
}
