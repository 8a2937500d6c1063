/**
 * The offline basemap of the demo area, shipped as GeoJSON (WGS-84) built by `generate.ts`.
 * Roads carry `name` and `class` ('arterial' | 'local'); water and green areas `name` and `kind`.
 */
import roads from './data/roads.json';
import water from './data/water.json';
import green from './data/green.json';
import type { AreaCollection, Basemap, RoadCollection } from './types';

export type * from './types';
export { BASEMAP_CENTER } from './center';

export function basemapRoads(): RoadCollection {
  return roads as unknown as RoadCollection;
}

export function basemapWater(): AreaCollection {
  return water as unknown as AreaCollection;
}

export function basemapGreen(): AreaCollection {
  return green as unknown as AreaCollection;
}

export function basemap(): Basemap {
  return { roads: basemapRoads(), water: basemapWater(), green: basemapGreen() };
}
