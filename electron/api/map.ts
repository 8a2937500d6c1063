import { z } from 'zod';
import { query } from './define';
import type { ControlStatus, Ring } from './common';

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
  street: { name: string; center: [number, number] };
  /** [[south, west], [north, east]] of everything drawn. */
  bounds: [[number, number], [number, number]];
  communities: MapArea[];
  grids: MapGrid[];
  buildings: MapBuildings;
}

export const mapMethods = {
  'map.layers': query<MapLayers>()(z.object({}).strict()),
};
