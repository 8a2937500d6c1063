import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { basemapGreen, basemapRoads, basemapWater } from '../../../maps/basemap';
import type { LatLngPair } from './geometry';
import type { LineLabel } from './label-canvas';

export type RoadClass = 'arterial' | 'local';

export interface Basemap {
  water: FeatureCollection;
  green: FeatureCollection;
  roads: FeatureCollection;
  bounds: L.LatLngBounds | null;
  roadLabels: LineLabel[];
}

export function roadClass(feature: Feature | undefined): RoadClass {
  return feature?.properties?.class === 'arterial' ? 'arterial' : 'local';
}

function lineParts(geometry: Geometry | null): LatLngPair[][] {
  if (!geometry) return [];
  const flip = (line: number[][]): LatLngPair[] => line.map((p) => [p[1] as number, p[0] as number]);
  if (geometry.type === 'LineString') return [flip(geometry.coordinates)];
  if (geometry.type === 'MultiLineString') return geometry.coordinates.map(flip);
  return [];
}

let cached: Basemap | null = null;

/** The offline basemap (computed once; it is the same for the whole session). */
export function loadBasemap(): Basemap {
  if (cached) return cached;
  const water = basemapWater() as FeatureCollection;
  const green = basemapGreen() as FeatureCollection;
  const roads = basemapRoads() as FeatureCollection;
  const byName = new Map<string, LineLabel>();
  for (const feature of roads.features) {
    const name = feature.properties?.name;
    if (typeof name !== 'string' || name === '') continue;
    const kind = roadClass(feature) === 'arterial' ? 'road-arterial' : 'road-local';
    const label = byName.get(name) ?? { kind, text: name, parts: [] };
    label.parts.push(...lineParts(feature.geometry));
    if (kind === 'road-arterial') label.kind = kind;
    byName.set(name, label);
  }
  let bounds: L.LatLngBounds | null = null;
  for (const fc of [roads, water, green]) {
    if (fc.features.length === 0) continue;
    const b = L.geoJSON(fc).getBounds();
    if (b.isValid()) bounds = bounds ? bounds.extend(b) : b;
  }
  cached = { water, green, roads, bounds, roadLabels: [...byName.values()] };
  return cached;
}
