import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { ServiceError } from '../../errors';
import type { RawFeature, ReadGis } from './types';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** A FeatureCollection, a Feature or a bare geometry, as raw features numbered from 1. */
export function featuresOf(json: unknown, file: string): RawFeature[] {
  const bad = (reason: string) => new ServiceError('INVALID_INPUT', 'territory.badJson', { file, reason }, 'fileId');
  if (!json || typeof json !== 'object') throw bad('内容不是一个对象');
  const obj = json as { type?: unknown };
  let list: Feature[];
  if (obj.type === 'FeatureCollection') {
    const features = (json as FeatureCollection).features;
    if (!Array.isArray(features)) throw bad('FeatureCollection 缺少 features 数组');
    list = features;
  } else if (obj.type === 'Feature') list = [json as Feature];
  else if (typeof obj.type === 'string' && GEOMETRY_TYPES.has(obj.type)) list = [{ type: 'Feature', geometry: json as Geometry, properties: {} }];
  else throw bad(`type 应为 FeatureCollection、Feature 或几何类型，而不是「${String(obj.type)}」`);
  return list.map((f, i) => ({
    row: i + 1,
    geometry: f && typeof f === 'object' && f.geometry && typeof f.geometry === 'object' ? f.geometry : null,
    properties: f && typeof f.properties === 'object' && f.properties ? (f.properties as Record<string, unknown>) : {},
  }));
}

/** The name in an old-style GeoJSON `crs` member (`urn:ogc:def:crs:EPSG::4490`), or null. */
function declaredCrs(json: unknown): string | null {
  const crs = (json as { crs?: { properties?: { name?: unknown } } }).crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : null;
}

export function readGeoJson(text: string, file: string): ReadGis {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ServiceError('INVALID_INPUT', 'territory.badJson', { file, reason: (err as Error).message }, 'fileId');
  }
  return { format: 'geojson', features: featuresOf(json, file), prj: null, declaredCrs: declaredCrs(json), encoding: null, layerName: file };
}
