import { area, kinks, polygon } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { ToWgs84 } from './crs';

/** Mainland China and its islands, generously: a point outside is not in the office's territory. */
export const CHINA = { west: 73, east: 136, south: 3, north: 54 };

export type PolygonCheck = { ok: true; rings: number[][][]; warning: string | null } | { ok: false; message: string };

const TYPE_WORDS: Record<string, string> = {
  Point: '点',
  MultiPoint: '多点',
  LineString: '线',
  MultiLineString: '多线',
  GeometryCollection: '几何集合',
};

const fmt = (p: Position) => `${Number(p[0]).toFixed(6)}, ${Number(p[1]).toFixed(6)}`;

function inChina([x, y]: Position): boolean {
  return x! >= CHINA.west && x! <= CHINA.east && y! >= CHINA.south && y! <= CHINA.north;
}

function ringProblem(ring: Position[]): string | null {
  if (!Array.isArray(ring) || ring.length === 0) return '面是空的（没有坐标）';
  if (ring.some((p) => !Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) return '坐标里有不是数字的值';
  if (ring.length < 4) return `面的边界只有 ${ring.length} 个点，至少需要 4 个（首尾相同）`;
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  if (a[0] !== b[0] || a[1] !== b[1]) return `面没有闭合：起点（${fmt(a)}）和终点（${fmt(b)}）不同`;
  return null;
}

/**
 * One polygon feature's rings in WGS-84, or why it cannot be one: empty, not a polygon, a ring
 * not closed or too short, coordinates outside China (or latitude and longitude swapped),
 * self-intersecting. Of a MultiPolygon the largest part is kept, with a warning.
 */
export function checkPolygon(geometry: Geometry | null, toWgs84: ToWgs84): PolygonCheck {
  if (!geometry) return { ok: false, message: '没有几何图形（空几何）' };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return { ok: false, message: `是${TYPE_WORDS[geometry.type] ?? geometry.type}，这里需要面（多边形）` };
  }
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (parts.length === 0 || parts.every((p) => p.length === 0)) return { ok: false, message: '没有几何图形（空几何）' };
  const converted: number[][][][] = [];
  for (const part of parts) {
    for (const ring of part) {
      const problem = ringProblem(ring);
      if (problem) return { ok: false, message: problem };
    }
    const first = part[0]![0]!;
    if (!inChina(first)) {
      const swapped = inChina([first[1]!, first[0]!]);
      if (swapped) return { ok: false, message: `坐标（${fmt(first)}）的经度和纬度似乎颠倒了` };
    }
    const rings = part.map((ring) => ring.map((p) => toWgs84(p[0]!, p[1]!)));
    const outside = rings[0]!.find((p) => !inChina(p));
    if (outside) return { ok: false, message: `坐标（${fmt(outside)}）不在中国境内：请检查坐标系` };
    converted.push(rings);
  }
  const polygons = converted.map((rings) => polygon(rings));
  for (const p of polygons) {
    const crossing = kinks(p).features[0];
    if (crossing) return { ok: false, message: `面的边界自相交（在 ${fmt(crossing.geometry.coordinates)} 附近）` };
  }
  let best = 0;
  polygons.forEach((p, i) => {
    if (area(p) > area(polygons[best]!)) best = i;
  });
  const warning = polygons.length > 1 ? `由 ${polygons.length} 块组成，只保留了最大的一块` : null;
  return { ok: true, rings: converted[best]!, warning };
}
