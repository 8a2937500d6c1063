import { area, bbox, booleanPointInPolygon, centroid, featureCollection, intersect, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export interface Area {
  id: string;
  code: string;
  name: string;
  rings: number[][][];
}

type Box = [number, number, number, number];

export interface AreaIndex {
  areas: { area: Area; box: Box; feature: Feature<Polygon> }[];
}

export function indexAreas(areas: Area[]): AreaIndex {
  return {
    areas: areas.map((a) => {
      const feature = polygon(a.rings);
      return { area: a, box: bbox(feature) as Box, feature };
    }),
  };
}

/** The area a point lies in (the first, when areas overlap), or null. */
export function areaAt(index: AreaIndex, lng: number, lat: number): Area | null {
  for (const { area: a, box, feature } of index.areas) {
    if (lng < box[0] || lng > box[2] || lat < box[1] || lat > box[3]) continue;
    if (booleanPointInPolygon([lng, lat], feature)) return a;
  }
  return null;
}

/** The centroid of a ring set, [lng, lat]. */
export function centreOf(rings: number[][][]): [number, number] {
  return centroid(polygon(rings)).geometry.coordinates as [number, number];
}

/** Less than a square metre is drawing noise, not an overlap or a gap. */
const MIN_M2 = 1;

/** Pairs of areas that overlap by more than a square metre, with the overlap's size. */
export function overlaps(index: AreaIndex): { a: Area; b: Area; m2: number }[] {
  const out: { a: Area; b: Area; m2: number }[] = [];
  const list = index.areas;
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const p = list[i]!;
      const q = list[j]!;
      if (p.box[2] < q.box[0] || q.box[2] < p.box[0] || p.box[3] < q.box[1] || q.box[3] < p.box[1]) continue;
      const both = intersect(featureCollection([p.feature, q.feature]));
      const m2 = both ? area(both) : 0;
      if (m2 > MIN_M2) out.push({ a: p.area, b: q.area, m2 });
    }
  }
  return out;
}

/** Holes left between the areas (inside their union, in none of them), with a point of each. */
export function gaps(index: AreaIndex): { at: [number, number]; m2: number }[] {
  if (index.areas.length < 2) return [];
  const merged = union(featureCollection(index.areas.map((a) => a.feature))) as Feature<Polygon | MultiPolygon> | null;
  if (!merged) return [];
  const parts = merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  const out: { at: [number, number]; m2: number }[] = [];
  for (const part of parts) {
    for (const hole of part.slice(1)) {
      const m2 = area(polygon([hole]));
      if (m2 > MIN_M2) out.push({ at: centreOf([hole]), m2 });
    }
  }
  return out;
}
