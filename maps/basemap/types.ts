/** Minimal GeoJSON types for the shipped basemap layers (WGS-84, [lng, lat]). */
import type { Position } from '../local-frame';

export type RoadClass = 'arterial' | 'local';

export interface RoadProperties {
  name: string;
  class: RoadClass;
}

export interface AreaProperties {
  name: string;
  kind: 'sea' | 'park';
}

export interface LineStringFeature<P> {
  type: 'Feature';
  properties: P;
  geometry: { type: 'LineString'; coordinates: Position[] };
}

export interface PolygonFeature<P> {
  type: 'Feature';
  properties: P;
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}

export interface FeatureCollection<F> {
  type: 'FeatureCollection';
  features: F[];
}

export type RoadCollection = FeatureCollection<LineStringFeature<RoadProperties>>;
export type AreaCollection = FeatureCollection<PolygonFeature<AreaProperties>>;

export interface Basemap {
  roads: RoadCollection;
  water: AreaCollection;
  green: AreaCollection;
}
