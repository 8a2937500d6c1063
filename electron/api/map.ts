import { z } from 'zod';
import { query } from './define';
import type { ControlStatus, LatLngBounds, Ring } from './common';

export interface MapArea {
  id: string;
  code: string;
  name: string;
  /** GeoJSON Polygon coordinates: rings of [lng, lat]. */
  boundary: Ring[];
  /** Where the label goes: [lat, lng]. */
  label: [number, number];
}

export interface MapGrid extends MapArea {
  communityId: string;
}

/**
 * Buildings in columns, to keep 10,000 of them small on the wire: entry i of every array
 * describes one building. `footprints[i]` is a flat [lng, lat, lng, lat, ...] outer ring.
 */
export interface MapBuildings {
  ids: string[];
  statuses: ControlStatus[];
  footprints: number[][];
}

export interface MapLayers {
  /** The map revision these buildings are at (`map.changed` and `map.changesSince` go on from it). */
  revision: number;
  street: { name: string; center: [number, number] };
  /** The box of everything drawn. */
  bounds: LatLngBounds;
  communities: MapArea[];
  grids: MapGrid[];
  buildings: MapBuildings;
}

/** Building ids by their new status: the compact form of map changes (1,000 ids take about 38 KB). */
export type MapStatusChanges = Record<ControlStatus, string[]>;

/** The answer of `map.changesSince`. */
export interface MapChanges {
  /** The revision the map is at now. */
  revision: number;
  /**
   * Every building (of the caller's grids) changed since the asked revision, once each, by the
   * status it has now; null when the window must reload the map instead (too many changes, or a
   * revision this database never reached, as after restoring a backup).
   */
  statuses: MapStatusChanges | null;
}

/** The payload of `map.changed`: one change to the map, which is the revision before it + 1. */
export interface MapDelta {
  revision: number;
  /** The status batch that made the change (the window that made it knows it by this). */
  batchId: string;
  statuses: MapStatusChanges;
}

export const mapMethods = {
  'map.layers': query<MapLayers>()(z.object({}).strict()),
  'map.changesSince': query<MapChanges>()(z.object({ revision: z.number().int().min(0, '地图版本号不能小于 0') }).strict()),
};
