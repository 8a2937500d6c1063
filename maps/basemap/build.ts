/**
 * Builds the synthetic offline basemap of the demo area (Qingdao, 市南区, around the old town):
 * a gently warped street grid with arterials, two diagonal roads, a few interrupted local
 * streets, parks, and the sea along the south. Deterministic; `generate.ts` writes the result
 * to `data/*.json`, which is what the app ships and reads.
 *
 * Every crossing of two roads is a shared vertex of both, so the blocks between roads can be
 * recovered exactly as the faces of the road graph (see `../carve/graph.ts`).
 */
import { createLocalFrame, roundPosition, type Position } from '../local-frame';
import { createRandom } from '../random';
import { BASEMAP_CENTER } from './center';
import { insetPolygon, signedArea, type Pt } from '../carve/polygon';
import {
  COASTAL_PARK_NAME, DIAGONALS, EW_ARTERIALS, LOCAL_BASES, NS_ARTERIALS, PARK_NAMES, SEA_NAMES, segmentNames,
  type LineNaming,
} from './road-names';
import type { AreaCollection, Basemap, LineStringFeature, PolygonFeature, AreaProperties, RoadProperties } from './types';

/** Cells (blocks) west→east and south→north; lattice nodes are (0..NX) × (0..NY). */
const NX = 36;
const NY = 30;
const ROTATION = (9 * Math.PI) / 180;
const ART_ROWS = [0, 6, 12, 18, 24, 30];
const ART_COLS = [5, 11, 18, 24, 31];
const PARKS = [
  { ci: 9, cj: 5, w: 3, h: 2 },
  { ci: 20, cj: 15, w: 2, h: 3 },
  { ci: 28, cj: 3, w: 4, h: 3 },
];
const COASTAL_PARK = { from: 13, to: 19 };
const DIAGONAL_RUNS = [
  { i: 2, j: 2, di: 1, dj: 1, steps: 13 },
  { i: 15, j: 28, di: 1, dj: -1, steps: 10 },
];

type Key = string;
const nodeKey = (i: number, j: number): Key => `${i},${j}`;
const edgeKey = (a: Key, b: Key): Key => (a < b ? `${a}|${b}` : `${b}|${a}`);
const cellKey = (i: number, j: number): Key => `c${i},${j}`;

export function buildBasemap(seed = 20200124): Basemap {
  const rng = createRandom(seed);
  const frame = createLocalFrame(BASEMAP_CENTER);
  const xs = [0], ys = [0];
  for (let i = 0; i < NX; i++) xs.push(xs[i]! + rng.range(118, 158));
  for (let j = 0; j < NY; j++) ys.push(ys[j]! + rng.range(100, 134));
  const midX = xs[NX]! / 2, midY = ys[NY]! / 2 + 150;
  const jitter = new Map<Key, Pt>();
  for (let i = 0; i <= NX; i++) for (let j = 0; j <= NY; j++) jitter.set(nodeKey(i, j), [rng.range(-5, 5), rng.range(-5, 5)]);

  /** Position before rotation, metres from the centre. */
  const pre = (i: number, j: number): Pt => {
    const x = xs[i]! - midX, y = ys[j]! - midY;
    const [jx, jy] = jitter.get(nodeKey(i, j))!;
    const wy = y + 28 * Math.sin(x / 700) + 12 * Math.sin(x / 260 + 0.5) + (j === 0 ? 16 * Math.sin(x / 380) : 0) + jy;
    return [x + 30 * Math.sin(y / 610 + 1.3) + 14 * Math.sin(y / 230) + jx, wy];
  };
  const rot = ([x, y]: Pt): Pt => [x * Math.cos(ROTATION) - y * Math.sin(ROTATION), x * Math.sin(ROTATION) + y * Math.cos(ROTATION)];
  const toLngLat = (p: Pt): Position => roundPosition(frame.toLngLat(rot(p)));
  const lngLat = new Map<Key, Position>();
  for (let i = 0; i <= NX; i++) for (let j = 0; j <= NY; j++) lngLat.set(nodeKey(i, j), toLngLat(pre(i, j)));

  // Cells taken by parks and diagonals; edges present in the network.
  const reserved = new Set<Key>();
  const reserve = (i: number, j: number, what: string) => {
    if (reserved.has(cellKey(i, j))) throw new Error(`basemap: cell ${i},${j} already used (${what})`);
    reserved.add(cellKey(i, j));
  };
  const edges = new Set<Key>();
  for (let j = 0; j <= NY; j++) for (let i = 0; i < NX; i++) edges.add(edgeKey(nodeKey(i, j), nodeKey(i + 1, j)));
  for (let i = 0; i <= NX; i++) for (let j = 0; j < NY; j++) edges.add(edgeKey(nodeKey(i, j), nodeKey(i, j + 1)));
  for (const p of PARKS) {
    for (let i = p.ci; i < p.ci + p.w; i++) for (let j = p.cj; j < p.cj + p.h; j++) reserve(i, j, 'park');
    for (let i = p.ci; i < p.ci + p.w; i++) for (let j = p.cj + 1; j < p.cj + p.h; j++) edges.delete(edgeKey(nodeKey(i, j), nodeKey(i + 1, j)));
    for (let i = p.ci + 1; i < p.ci + p.w; i++) for (let j = p.cj; j < p.cj + p.h; j++) edges.delete(edgeKey(nodeKey(i, j), nodeKey(i, j + 1)));
  }
  const diagonals = DIAGONAL_RUNS.map((d) => {
    const nodes: Key[] = [];
    for (let k = 0; k <= d.steps; k++) nodes.push(nodeKey(d.i + k * d.di, d.j + k * d.dj));
    for (let k = 0; k < d.steps; k++) reserve(d.i + k * d.di, d.dj > 0 ? d.j + k : d.j - k - 1, 'diagonal');
    return nodes;
  });

  // Interrupt some local streets: merges two plain blocks; every node loses at most one edge.
  const candidates: { key: Key; cells: [number, number][] }[] = [];
  for (let j = 1; j < NY; j++)
    if (!ART_ROWS.includes(j))
      for (let i = 0; i < NX; i++) candidates.push({ key: edgeKey(nodeKey(i, j), nodeKey(i + 1, j)), cells: [[i, j - 1], [i, j]] });
  for (let i = 1; i < NX; i++)
    if (!ART_COLS.includes(i))
      for (let j = 0; j < NY; j++) candidates.push({ key: edgeKey(nodeKey(i, j), nodeKey(i, j + 1)), cells: [[i - 1, j], [i, j]] });
  let removed = 0;
  for (const c of rng.shuffle(candidates)) {
    if (removed >= 70) break;
    if (c.cells.some(([i, j]) => reserved.has(cellKey(i, j)))) continue;
    c.cells.forEach(([i, j]) => reserved.add(cellKey(i, j)));
    edges.delete(c.key);
    removed++;
  }

  const roads: LineStringFeature<RoadProperties>[] = [];
  const emitLine = (nodes: Key[], names: (edgeIndex: number) => string, cls: RoadProperties['class']) => {
    let current: LineStringFeature<RoadProperties> | null = null;
    for (let e = 0; e < nodes.length - 1; e++) {
      const a = nodes[e]!, b = nodes[e + 1]!;
      const name = names(e);
      if (!edges.has(edgeKey(a, b)) && !diagonalEdges.has(edgeKey(a, b))) {
        current = null;
        continue;
      }
      if (!current || current.properties.name !== name) {
        current = { type: 'Feature', properties: { name, class: cls }, geometry: { type: 'LineString', coordinates: [lngLat.get(a)!] } };
        roads.push(current);
      }
      current.geometry.coordinates.push(lngLat.get(b)!);
    }
  };
  const diagonalEdges = new Set<Key>();
  diagonals.forEach((nodes) => nodes.slice(1).forEach((n, k) => diagonalEdges.add(edgeKey(nodes[k]!, n))));

  const localBases = rng.shuffle([...LOCAL_BASES]);
  let nextLocal = 0;
  const segmented = (naming: LineNaming, edgeCount: number, eastWest: boolean, arterial: boolean) => {
    const k = naming.names ? naming.names.length : arterial ? rng.int(2, 3) : rng.weighted([1, 2, 3], [5, 3, 1]);
    const names = segmentNames(naming, k, eastWest);
    const cuts = names.map((_, s) => Math.round(((s + 1) * edgeCount) / names.length + (s < names.length - 1 ? rng.int(-2, 2) : 0)));
    return (e: number) => names[cuts.findIndex((c) => e < c)] ?? names[names.length - 1]!;
  };
  for (let j = 0; j <= NY; j++) {
    const a = ART_ROWS.indexOf(j);
    const naming = a >= 0 ? EW_ARTERIALS[a]! : localBases[nextLocal++ % localBases.length]!;
    const nodes = Array.from({ length: NX + 1 }, (_, i) => nodeKey(i, j));
    emitLine(nodes, segmented(naming, NX, true, a >= 0), a >= 0 ? 'arterial' : 'local');
  }
  for (let i = 0; i <= NX; i++) {
    const a = ART_COLS.indexOf(i);
    const naming = a >= 0 ? NS_ARTERIALS[a]! : localBases[nextLocal++ % localBases.length]!;
    const nodes = Array.from({ length: NY + 1 }, (_, j) => nodeKey(i, j));
    emitLine(nodes, segmented(naming, NY, false, a >= 0), a >= 0 ? 'arterial' : 'local');
  }
  diagonals.forEach((nodes, d) => emitLine(nodes, () => DIAGONALS[d]!.name, DIAGONALS[d]!.arterial ? 'arterial' : 'local'));

  let shoreCache: Pt[] | null = null;
  return { roads: { type: 'FeatureCollection', features: roads }, water: buildWater(), green: buildGreen() };

  function shoreline(): Pt[] {
    if (shoreCache) return shoreCache;
    const pts: Pt[] = [];
    const depth = (x: number) => 48 + 40 * (1 + Math.sin(x / 520)) / 2 + rng.range(-4, 4);
    const [wx, wy] = pre(0, 0);
    for (let k = 4; k >= 1; k--) pts.push([wx - k * 160, wy - depth(wx - k * 160) - k * 25]);
    for (let i = 0; i < NX; i++) {
      const a = pre(i, 0), b = pre(i + 1, 0);
      for (let t = 0; t < 3; t++) {
        const x = a[0] + ((b[0] - a[0]) * t) / 3, y = a[1] + ((b[1] - a[1]) * t) / 3;
        pts.push([x, y - depth(x)]);
      }
    }
    const [ex, ey] = pre(NX, 0);
    for (let k = 0; k <= 4; k++) pts.push([ex + k * 160, ey - depth(ex + k * 160) - k * 30]);
    shoreCache = pts;
    return pts;
  }

  function ring(pts: Pt[]): Position[] {
    const ccw = signedArea(pts) >= 0 ? pts : [...pts].reverse();
    const out = ccw.map(toLngLat);
    out.push(out[0]!);
    return out;
  }

  function area(name: string, kind: AreaProperties['kind'], pts: Pt[]): PolygonFeature<AreaProperties> {
    return { type: 'Feature', properties: { name, kind }, geometry: { type: 'Polygon', coordinates: [ring(pts)] } };
  }

  function buildWater(): AreaCollection {
    const shore = shoreline();
    const split = 4 + Math.round(NX / 2) * 3;
    const bottom = Math.min(...shore.map((p) => p[1])) - 2500;
    const part = (pts: Pt[]): Pt[] => [[pts[0]![0], bottom], [pts[pts.length - 1]![0], bottom], ...[...pts].reverse()];
    return {
      type: 'FeatureCollection',
      features: [
        area(SEA_NAMES[0]!, 'sea', part(shore.slice(0, split + 1))),
        area(SEA_NAMES[1]!, 'sea', part(shore.slice(split))),
      ],
    };
  }

  function buildGreen(): AreaCollection {
    const features = PARKS.map((p, n) => {
      const perimeter: Pt[] = [];
      for (let i = p.ci; i < p.ci + p.w; i++) perimeter.push(pre(i, p.cj));
      for (let j = p.cj; j < p.cj + p.h; j++) perimeter.push(pre(p.ci + p.w, j));
      for (let i = p.ci + p.w; i > p.ci; i--) perimeter.push(pre(i, p.cj + p.h));
      for (let j = p.cj + p.h; j > p.cj; j--) perimeter.push(pre(p.ci, j));
      const inner = insetPolygon(perimeter, perimeter.map(() => 14));
      if (!inner) throw new Error(`basemap: park ${n} collapsed`);
      return area(PARK_NAMES[n]!, 'park', inner);
    });
    const shore = shoreline();
    const top: Pt[] = [];
    for (let i = COASTAL_PARK.from; i <= COASTAL_PARK.to; i++) top.push([pre(i, 0)[0], pre(i, 0)[1] - 18]);
    const x0 = top[0]![0], x1 = top[top.length - 1]![0];
    const bottom = shore.filter(([x]) => x > x0 + 1 && x < x1 - 1).map(([x, y]): Pt => [x, y + 10]);
    features.push(area(COASTAL_PARK_NAME, 'park', [[x0, bottom[0]![1]], ...bottom, [x1, bottom[bottom.length - 1]![1]], ...top.reverse()]));
    return { type: 'FeatureCollection', features };
  }
}
