import { area, bbox, difference, featureCollection, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { centreOf } from '../assign';

/** Less than a square metre is drawing noise. */
const MIN_M2 = 1;

type Shape = Feature<Polygon | MultiPolygon>;

const merged = (shapes: number[][][][]): Shape | null =>
  shapes.length === 0 ? null : shapes.length === 1 ? polygon(shapes[0]!) : (union(featureCollection(shapes.map((r) => polygon(r)))) as Shape | null);

/**
 * Ground the edited grids covered before that no grid covers after the edit (a gap left at a
 * moved edge, against a neighbour or the street's edge), piece by piece with a point of each.
 */
export function uncovered(before: number[][][][], after: number[][][][]): { at: [number, number]; m2: number }[] {
  const was = merged(before);
  if (!was) return [];
  const [w, s, e, n] = bbox(was);
  const near = after.filter((rings) => {
    const [aw, as, ae, an] = bbox(polygon(rings));
    return !(ae < w || aw > e || an < s || as > n);
  });
  const now = merged(near);
  const left = now ? difference(featureCollection([was, now])) : was;
  if (!left) return [];
  const parts = left.geometry.type === 'Polygon' ? [left.geometry.coordinates] : left.geometry.coordinates;
  return parts.map((rings) => ({ at: centreOf(rings), m2: area(polygon(rings)) })).filter((g) => g.m2 > MIN_M2);
}
