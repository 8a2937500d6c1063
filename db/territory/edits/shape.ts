import { area, bbox, featureCollection, kinks, polygon } from '@turf/turf';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { CHINA } from '../geometry';

/** How far past its communities (in degrees, about 100 m) a drawn point may still be in the street. */
const MARGIN = 0.001;

const fmt = (p: number[]) => `${p[0]!.toFixed(6)}, ${p[1]!.toFixed(6)}`;

/** The street's extent: the box of its communities and grids, a little grown; else China. */
function streetBox(ctx: ServiceContext): [number, number, number, number] {
  const rows = ctx.sqlite.prepare<[], { boundary: string }>('SELECT boundary FROM communities WHERE deleted = 0 UNION ALL SELECT boundary FROM grids WHERE deleted = 0').all();
  if (rows.length === 0) return [CHINA.west, CHINA.south, CHINA.east, CHINA.north];
  const [w, s, e, n] = bbox(featureCollection(rows.map((r) => polygon(JSON.parse(r.boundary) as number[][][]))));
  return [w - MARGIN, s - MARGIN, e + MARGIN, n + MARGIN];
}

/**
 * A drawn outline as a closed ring, or a refusal naming what is wrong: fewer than three distinct
 * points, crossing itself, a point outside the street. `what` names the thing in the message (网格, 楼栋).
 */
export function checkedRing(ctx: ServiceContext, drawn: number[][], what: string): number[][] {
  const points: number[][] = [];
  for (const p of drawn) {
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push([p[0]!, p[1]!]);
  }
  if (points.length > 1 && points[0]![0] === points[points.length - 1]![0] && points[0]![1] === points[points.length - 1]![1]) points.pop();
  if (points.length < 3) throw new ServiceError('INVALID_INPUT', 'territory.shapeEmpty', { what }, 'ring');
  const ring = [...points, points[0]!];
  const [w, s, e, n] = streetBox(ctx);
  const outside = points.find(([x, y]) => x! < w || x! > e || y! < s || y! > n);
  if (outside) throw new ServiceError('INVALID_INPUT', 'territory.shapeOutside', { what, at: fmt(outside) }, 'ring');
  const crossing = kinks(polygon([ring])).features[0];
  if (crossing) throw new ServiceError('INVALID_INPUT', 'territory.shapeKinks', { what, at: fmt(crossing.geometry.coordinates) }, 'ring');
  if (area(polygon([ring])) < 0.5) throw new ServiceError('INVALID_INPUT', 'territory.shapeEmpty', { what }, 'ring');
  return ring;
}
