import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import type { Geometry } from 'geojson';
import type { CrsHint, TerritoryLayer } from '../../electron/api/territory';
import type { ReadGis } from './read/types';

/** Enough points to judge by; more only take longer. */
const SAMPLE = 2000;
/** A reading whose points lie this close (median, metres) to the office's own points is taken as right… */
const CLOSE_M = 30;
/** …when the plain reading is this much further off. */
const OFF_M = 100;
/** Points further than this from everything the office has say nothing. */
const FAR_M = 5000;

const WORDS = { buildings: '楼栋', grids: '网格', communities: '社区' } as const;

type Point = [number, number];

/** Up to `SAMPLE` corners of the file's polygons, as the file has them. */
function rawCorners(read: ReadGis): Point[] {
  const out: Point[] = [];
  for (const f of read.features) {
    const g: Geometry | null = f.geometry;
    const rings = g?.type === 'Polygon' ? g.coordinates : g?.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    for (const ring of rings) {
      for (const p of ring.slice(0, -1)) {
        const x = Number(p[0]);
        const y = Number(p[1]);
        if (Number.isFinite(x) && Number.isFinite(y)) out.push([x, y]);
        if (out.length >= SAMPLE) return out;
      }
    }
  }
  return out;
}

/** Nearest-point look-up over the office's corners, bucketed by about a kilometre. */
function nearestIn(points: Point[]): (p: Point) => number {
  const CELL = 0.01;
  const buckets = new Map<string, Point[]>();
  const key = (x: number, y: number) => `${Math.floor(x / CELL)}:${Math.floor(y / CELL)}`;
  for (const p of points) {
    const k = key(p[0], p[1]);
    const list = buckets.get(k);
    if (list) list.push(p);
    else buckets.set(k, [p]);
  }
  return (p) => {
    const cx = Math.floor(p[0] / CELL);
    const cy = Math.floor(p[1] / CELL);
    let best = Infinity;
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        for (const q of buckets.get(`${cx + i}:${cy + j}`) ?? []) best = Math.min(best, distance(p, q, { units: 'meters' }));
      }
    }
    return Math.min(best, FAR_M);
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? FAR_M;
};

/** The compass direction of a shift, in Chinese. */
function direction(dx: number, dy: number): string {
  const ns = Math.abs(dy) > Math.abs(dx) / 3 ? (dy > 0 ? '北' : '南') : '';
  const ew = Math.abs(dx) > Math.abs(dy) / 3 ? (dx > 0 ? '东' : '西') : '';
  return `偏${ns}${ew}`;
}

/**
 * A file that says nothing of its coordinates, read as WGS-84: do its corners lie on the corners
 * the office already has (its communities, grids and buildings) as they are, or only after taking
 * off the GCJ-02 (or BD-09) shift of a few hundred metres? Proposes the reading that fits, saying
 * why; says it cannot tell when none does; null when the plain reading fits or the office has
 * nothing to compare with.
 */
export function detectShift(read: ReadGis, layer: TerritoryLayer, officePoints: Point[]): CrsHint | null {
  if (officePoints.length === 0) return null;
  const corners = rawCorners(read);
  if (corners.length === 0) return null;
  const nearest = nearestIn(officePoints);
  const off = (convert: (p: Point) => Point) => median(corners.map((c) => nearest(convert(c))));
  const plain = off((p) => p);
  if (plain <= CLOSE_M) return null;
  const gcj = (p: Point) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as Point;
  const bd = (p: Point) => gcoord.transform(p, gcoord.BD09, gcoord.WGS84) as Point;
  const readings = [
    { choice: 'gcj02' as const, name: 'GCJ-02', source: '高德或腾讯', off: off(gcj), convert: gcj },
    { choice: 'bd09' as const, name: 'BD-09', source: '百度', off: off(bd), convert: bd },
  ].sort((a, b) => a.off - b.off);
  const best = readings[0]!;
  const what = WORDS[layer];
  const metres = (n: number) => (n >= FAR_M ? `${FAR_M / 1000} 公里以上` : `${Math.round(n)} 米`);
  if (best.off <= CLOSE_M && plain >= OFF_M) {
    const from = corners[0]!;
    const to = best.convert(from);
    const shift = Math.round(distance(to, from, { units: 'meters' }));
    return {
      propose: best.choice,
      reason:
        `按 WGS-84 读，这些${what}的顶点离本街道已有的边界和楼栋约 ${metres(plain)}（中位数）；去掉 ${best.name} 的偏移（约 ${shift} 米，${direction(from[0] - to[0], from[1] - to[1])}）后只差 ${metres(best.off)}。` +
        `这份数据很可能来自${best.source}，建议改选 ${best.name}。`,
    };
  }
  if (plain < OFF_M) return null;
  return {
    propose: null,
    reason: `无法判断这份数据的坐标系：它的${what}与本街道已有的数据对不上（按 WGS-84 差约 ${metres(plain)}，按 GCJ-02 ${metres(readings.find((r) => r.choice === 'gcj02')!.off)}，按 BD-09 ${metres(readings.find((r) => r.choice === 'bd09')!.off)}）。请确认数据来源后选择坐标系。`,
  };
}
