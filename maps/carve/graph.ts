/**
 * The road network as a planar graph (half-edge structure) and its faces: the city blocks
 * between roads. Roads must meet at shared vertices (the shipped basemap guarantees it).
 */
import { createLocalFrame, type LocalFrame, type Position } from '../local-frame';
import type { RoadCollection, RoadProperties } from '../basemap/types';
import { signedArea, type Pt } from './polygon';

export interface HalfEdge {
  from: number;
  to: number;
  /** The opposite half-edge is `id ^ 1`. */
  next: number;
  face: number;
  road: RoadProperties;
}

export interface Face {
  id: number;
  halfEdges: number[];
  /** Ring in local metres, counter-clockwise, open. */
  local: Pt[];
  /** Area in m². */
  area: number;
}

export interface RoadGraph {
  frame: LocalFrame;
  nodes: Position[];
  localNodes: Pt[];
  halfEdges: HalfEdge[];
  /** Bounded faces (blocks) only; the unbounded outside is left out. */
  faces: Face[];
}

export function buildRoadGraph(roads: RoadCollection, origin: Position): RoadGraph {
  const frame = createLocalFrame(origin);
  const index = new Map<string, number>();
  const nodes: Position[] = [];
  const localNodes: Pt[] = [];
  const nodeId = (p: Position) => {
    const key = `${p[0]},${p[1]}`;
    let id = index.get(key);
    if (id === undefined) {
      id = nodes.length;
      index.set(key, id);
      nodes.push([p[0], p[1]]);
      localNodes.push(frame.toLocal(p));
    }
    return id;
  };
  const halfEdges: HalfEdge[] = [];
  const seen = new Set<string>();
  for (const f of roads.features) {
    const ids = f.geometry.coordinates.map(nodeId);
    for (let k = 0; k < ids.length - 1; k++) {
      const a = ids[k]!, b = ids[k + 1]!;
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      halfEdges.push({ from: a, to: b, next: -1, face: -1, road: f.properties }, { from: b, to: a, next: -1, face: -1, road: f.properties });
    }
  }
  // Outgoing half-edges of every node, counter-clockwise by angle.
  const outgoing: number[][] = nodes.map(() => []);
  const angle = (h: number) => {
    const e = halfEdges[h]!;
    const [x1, y1] = localNodes[e.from]!, [x2, y2] = localNodes[e.to]!;
    return Math.atan2(y2 - y1, x2 - x1);
  };
  halfEdges.forEach((e, h) => outgoing[e.from]!.push(h));
  for (const list of outgoing) list.sort((a, b) => angle(a) - angle(b));
  // Next edge of a face (interior on the left): at the head, the edge just clockwise of the way back.
  halfEdges.forEach((e, h) => {
    const list = outgoing[e.to]!;
    const k = list.indexOf(h ^ 1);
    e.next = list[(k - 1 + list.length) % list.length]!;
  });
  const faces: Face[] = [];
  const visited = new Uint8Array(halfEdges.length);
  halfEdges.forEach((_, h) => {
    if (visited[h]) return;
    const ring: number[] = [];
    let cur = h;
    do {
      visited[cur] = 1;
      ring.push(cur);
      cur = halfEdges[cur]!.next;
    } while (cur !== h && ring.length <= halfEdges.length);
    const local = ring.map((x) => localNodes[halfEdges[x]!.from]!);
    const area = signedArea(local);
    // The unbounded outside is the one clockwise cycle; slivers are dropped.
    if (area > 1) {
      const id = faces.length;
      ring.forEach((x) => (halfEdges[x]!.face = id));
      faces.push({ id, halfEdges: ring, local, area });
    }
  });
  return { frame, nodes, localNodes, halfEdges, faces };
}

/** Faces sharing a road edge with each face. */
export function faceNeighbours(graph: RoadGraph): Set<number>[] {
  const out = graph.faces.map(() => new Set<number>());
  graph.faces.forEach((f) => {
    for (const h of f.halfEdges) {
      const other = graph.halfEdges[h ^ 1]!.face;
      if (other >= 0 && other !== f.id) out[f.id]!.add(other);
    }
  });
  return out;
}

/**
 * The outline of a set of faces, as rings of node ids: the boundary edges (whose other side is
 * not in the set) chained face-wise. Counter-clockwise rings are outlines, clockwise ones holes.
 */
export function unionRings(graph: RoadGraph, faceIds: Iterable<number>): number[][] {
  const set = new Set(faceIds);
  const inSet = (h: number) => set.has(graph.halfEdges[h]!.face);
  const boundary = new Set<number>();
  for (const f of set) for (const h of graph.faces[f]!.halfEdges) if (!inSet(h ^ 1)) boundary.add(h);
  const rings: number[][] = [];
  const used = new Set<number>();
  for (const start of boundary) {
    if (used.has(start)) continue;
    const ring: number[] = [];
    let h = start;
    do {
      used.add(h);
      ring.push(graph.halfEdges[h]!.from);
      let e = graph.halfEdges[h]!.next;
      while (inSet(e ^ 1)) e = graph.halfEdges[e ^ 1]!.next;
      h = e;
    } while (h !== start && ring.length <= boundary.size);
    rings.push(ring);
  }
  return rings;
}
