/**
 * Lays out a demo street office on the basemap: the blocks between roads are grouped into
 * communities (contiguous), communities into grids (groups of blocks, or parts of one block),
 * and every grid holds compounds of building footprints. Pure and deterministic for a seed.
 */
import { basemap as shippedBasemap, BASEMAP_CENTER } from './basemap/index';
import type { Basemap } from './basemap/types';
import { buildRoadGraph, faceNeighbours, unionRings, type RoadGraph } from './carve/graph';
import { makeBlocks, nearestRoad, splitBlock, type Block } from './carve/blocks';
import { partition } from './carve/partition';
import { centroidOf, pointInside, signedArea, type Pt } from './carve/polygon';
import type { BuildingShape, CompoundKind, PackedCompound } from './carve/pack';
import { roundPosition, type LocalFrame, type Position } from './local-frame';
import { createRandom, type Random } from './random';
import { polygonCentroid, pointInPolygon, type PolygonCoords } from './geometry';

export type { BuildingShape, CompoundKind };

export interface LayoutSize {
  communities: number;
  grids: number;
  buildings: number;
}

export interface LayoutBuilding {
  /** Closed outer ring, [lng, lat], 6 decimals. */
  footprint: Position[];
  centroid: Position;
  shape: BuildingShape;
  /** Metres along and across the street. */
  length: number;
  depth: number;
}

export interface LayoutCompound {
  kind: CompoundKind;
  /** The road the compound is addressed on. */
  road: string;
  buildings: LayoutBuilding[];
}

export interface LayoutGrid {
  boundary: PolygonCoords;
  label: Position;
  compounds: LayoutCompound[];
}

export interface LayoutCommunity {
  boundary: PolygonCoords;
  label: Position;
  /** Ordered clockwise around the community, so consecutive grids are neighbours. */
  grids: LayoutGrid[];
}

export interface StreetLayout {
  center: Position;
  communities: LayoutCommunity[];
}

/** Share of spare building sites taken into the area, so every grid can be filled to its quota. */
const SPARE = 1.1;

export function buildLayout(size: LayoutSize, seed: number, map: Basemap = shippedBasemap()): StreetLayout {
  const rng = createRandom(seed).fork('layout');
  const graph = buildRoadGraph(map.roads, BASEMAP_CENTER);
  const parks = map.green.features.map((f) => (f.geometry.coordinates[0] ?? []).map((p) => graph.frame.toLocal(p)));
  const blocks = makeBlocks(graph, parks, rng);
  const byFace = new Map(blocks.map((b) => [b.faceId, b]));
  const neighbours = faceNeighbours(graph);

  // The area: blocks nearest the centre until they hold enough building sites.
  const ordered = [...blocks].sort((a, b) => Math.hypot(...a.centroid) - Math.hypot(...b.centroid) || a.faceId - b.faceId);
  const chosen: Block[] = [];
  let capacity = 0;
  for (const b of ordered) {
    if (capacity >= size.buildings * SPARE && chosen.length >= size.communities) break;
    chosen.push(b);
    capacity += b.capacity;
  }
  const partitionArgs = (items: number[], k: number) => ({
    items, k,
    weight: (id: number) => byFace.get(id)!.capacity,
    position: (id: number) => byFace.get(id)!.centroid,
    neighbours: (id: number) => neighbours[id]!,
  });
  const communityFaces = partition(partitionArgs(chosen.map((b) => b.faceId), size.communities)).filter((g) => g.length > 0);
  const loads = communityFaces.map((faces) => faces.reduce((s, f) => s + byFace.get(f)!.capacity, 0));
  const gridCounts = apportion(size.grids, loads);

  interface Draft { outline: PolygonCoords; blocks: Block[]; compounds: { block: Block; packed: PackedCompound }[] }
  const drafts: Draft[][] = communityFaces.map((faces, c) => {
    const k = gridCounts[c]!;
    if (k >= faces.length) {
      const pieces = apportion(k, faces.map((f) => byFace.get(f)!.capacity));
      return faces.flatMap((f, i) => {
        const block = byFace.get(f)!;
        return splitBlock(block, pieces[i]!, rng).map((piece) => ({
          outline: [closeRing(piece.outline, graph.frame)],
          blocks: [block],
          compounds: piece.compounds.map((packed) => ({ block, packed })),
        }));
      });
    }
    return partition(partitionArgs(faces, k)).map((group) => ({
      outline: outlineOf(graph, group),
      blocks: group.map((f) => byFace.get(f)!),
      compounds: group.flatMap((f) => byFace.get(f)!.compounds.map((packed) => ({ block: byFace.get(f)!, packed }))),
    }));
  });

  const flat = drafts.flat();
  const quotas = apportion(size.buildings, flat.map((d) => d.compounds.reduce((s, c) => s + c.packed.buildings.length, 0)), true);
  let q = 0;
  const communities = communityFaces.map((faces, c): LayoutCommunity => {
    const boundary = outlineOf(graph, faces);
    const grids = drafts[c]!.map((d) => toGrid(d, quotas[q++]!, graph.frame, rng.fork(`grid:${q}`)));
    const label = labelOf(boundary, drafts[c]!.flatMap((d) => d.blocks), graph.frame);
    const [cx, cy] = graph.frame.toLocal(label);
    const bearing = (g: LayoutGrid) => {
      const [x, y] = graph.frame.toLocal(g.label);
      return (Math.atan2(x - cx, y - cy) + 2 * Math.PI) % (2 * Math.PI);
    };
    grids.sort((a, b) => bearing(a) - bearing(b));
    return { boundary, label, grids };
  });
  // Communities numbered from the north-west, row by row.
  communities.sort((a, b) => Math.round((b.label[1] - a.label[1]) / 0.006) || a.label[0] - b.label[0]);
  return { center: BASEMAP_CENTER, communities };

  function toGrid(d: Draft, quota: number, frame: LocalFrame, r: Random): LayoutGrid {
    const sites = d.compounds.flatMap((c, ci) => c.packed.buildings.map((_, bi) => [ci, bi] as const));
    const keep = new Set(r.shuffle([...sites]).slice(0, quota).map(([ci, bi]) => `${ci}:${bi}`));
    const compounds: LayoutCompound[] = [];
    d.compounds.forEach(({ block, packed }, ci) => {
      const buildings = packed.buildings
        .filter((_, bi) => keep.has(`${ci}:${bi}`))
        .map((b): LayoutBuilding => {
          const footprint = b.corners.map((p) => roundPosition(frame.toLngLat(p)));
          footprint.push(footprint[0]!);
          return { footprint, centroid: roundPosition(frame.toLngLat(centroidOf(b.corners))), shape: b.shape, length: b.length, depth: b.depth };
        });
      if (buildings.length) compounds.push({ kind: packed.kind, road: nearestRoad(block, packed.anchor), buildings });
    });
    return { boundary: d.outline, label: labelOf(d.outline, d.blocks, frame), compounds };
  }
}

/** Splits `total` in proportion to `weights` (largest remainders), at least 1 each; capped by weight if asked. */
export function apportion(total: number, weights: readonly number[], capByWeight = false): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map((x, i) => Math.max(1, Math.min(Math.floor(x), capByWeight ? weights[i]! : Infinity)));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (let pass = 0; left > 0 && pass < 1000; pass++) {
    let moved = false;
    for (const i of order) {
      if (left <= 0) break;
      if (capByWeight && out[i]! >= weights[i]!) continue;
      out[i]!++;
      left--;
      moved = true;
    }
    if (!moved) break;
  }
  for (let i = out.length - 1; left < 0 && i >= 0; i--) {
    const j = order[i]!;
    if (out[j]! > 1) { out[j]!--; left++; }
  }
  return out;
}

function closeRing(pts: readonly Pt[], frame: LocalFrame): Position[] {
  const ring = pts.map((p) => roundPosition(frame.toLngLat(p)));
  ring.push(ring[0]!);
  return ring;
}

/** Outline of a group of faces: the largest counter-clockwise ring, then the holes. */
function outlineOf(graph: RoadGraph, faces: readonly number[]): PolygonCoords {
  const rings = unionRings(graph, faces).map((ids) => ids.map((i) => graph.localNodes[i]!));
  const outer = rings.filter((r) => signedArea(r) > 0).sort((a, b) => signedArea(b) - signedArea(a))[0] ?? [];
  const holes = rings.filter((r) => signedArea(r) < 0 && pointInside(r[0]!, outer));
  return [outer, ...holes].map((r) => closeRing(r, graph.frame));
}

/** The outline's centroid when it falls inside, else the centre of the block nearest to it. */
function labelOf(outline: PolygonCoords, blocks: readonly Block[], frame: LocalFrame): Position {
  const c = polygonCentroid(outline);
  if (pointInPolygon(c, outline) || blocks.length === 0) return roundPosition(c);
  const local = frame.toLocal(c);
  const near = [...blocks].sort((a, b) => Math.hypot(a.centroid[0] - local[0], a.centroid[1] - local[1]) - Math.hypot(b.centroid[0] - local[0], b.centroid[1] - local[1]))[0]!;
  return roundPosition(frame.toLngLat(centroidOf(near.inner)));
}
