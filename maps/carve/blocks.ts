/**
 * City blocks: the faces of the road graph that are not parks, with their buildable inner
 * polygon (set back from each road by its width), the direction of their rows, and a full
 * packing of compounds that tells how many buildings they hold.
 */
import type { Random } from '../random';
import type { RoadGraph } from './graph';
import { packBlock, type PackedCompound } from './pack';
import { centroidOf, clipHalfPlane, insetPolygon, pointInside, rotate, type Pt } from './polygon';

/** Setback from a road's centre line: half the carriageway and pavement, plus a front yard. */
const SETBACK = { arterial: 14, local: 8 } as const;
/** Margin kept free on each side of a cut between two grids in one block. */
const CUT_MARGIN = 4;

export interface Block {
  faceId: number;
  local: Pt[];
  inner: Pt[];
  axis: number;
  centroid: Pt;
  /** Road names of the face's edges, in the order of `local` (edge i runs from vertex i to i+1). */
  edgeRoads: string[];
  kindWeights: number[];
  compounds: PackedCompound[];
  capacity: number;
}

/** Old-town blocks (south-west, near the sea) hold bungalow yards and old walk-ups; newer ones more gated estates. */
const OLD_TOWN = [0.02, 0.1, 0.38, 0.5];
const NEWER = [0.1, 0.22, 0.46, 0.22];

export function makeBlocks(graph: RoadGraph, parks: Pt[][], rng: Random): Block[] {
  const all = graph.faces.map((f) => centroidOf(f.local));
  const minX = Math.min(...all.map((p) => p[0])), maxX = Math.max(...all.map((p) => p[0]));
  const minY = Math.min(...all.map((p) => p[1])), maxY = Math.max(...all.map((p) => p[1]));
  const blocks: Block[] = [];
  for (const face of graph.faces) {
    const centroid = all[face.id]!;
    if (parks.some((park) => pointInside(centroid, park))) continue;
    const roads = face.halfEdges.map((h) => graph.halfEdges[h]!.road);
    const inner = insetPolygon(face.local, roads.map((r) => SETBACK[r.class]), 1500);
    if (!inner) continue;
    let axis = 0, longest = -1;
    face.local.forEach((a, i) => {
      const b = face.local[(i + 1) % face.local.length]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len > longest) { longest = len; axis = Math.atan2(b[1] - a[1], b[0] - a[0]); }
    });
    // Rows run along the street, never upside down: keep the axis within ±90°.
    if (axis > Math.PI / 2) axis -= Math.PI;
    if (axis < -Math.PI / 2) axis += Math.PI;
    const sx = (centroid[0] - minX) / (maxX - minX || 1), sy = (centroid[1] - minY) / (maxY - minY || 1);
    const t = Math.min(Math.max(1.25 - 0.9 * sx - 0.9 * sy, 0), 1);
    const kindWeights = OLD_TOWN.map((o, i) => o * t + NEWER[i]! * (1 - t));
    const compounds = packBlock(inner, axis, rng.fork(`block:${face.id}`), kindWeights);
    const capacity = compounds.reduce((s, c) => s + c.buildings.length, 0);
    if (capacity === 0) continue;
    blocks.push({ faceId: face.id, local: face.local, inner, axis, centroid, edgeRoads: roads.map((r) => r.name), kindWeights, compounds, capacity });
  }
  return blocks;
}

export interface BlockPiece {
  /** Outline of the piece (part of the block's face), local metres. */
  outline: Pt[];
  compounds: PackedCompound[];
}

/** Cuts a block across its rows into `n` pieces of equal length, each packed anew. */
export function splitBlock(block: Block, n: number, rng: Random): BlockPiece[] {
  if (n <= 1) return [{ outline: block.local, compounds: block.compounds }];
  const us = rotate(block.inner, -block.axis).map((p) => p[0]);
  const u0 = Math.min(...us), u1 = Math.max(...us);
  const c = Math.cos(block.axis), s = Math.sin(block.axis);
  const pieces: BlockPiece[] = [];
  for (let k = 0; k < n; k++) {
    const lo = u0 + ((u1 - u0) * k) / n, hi = u0 + ((u1 - u0) * (k + 1)) / n;
    // Half-planes u ≥ lo and u ≤ hi, with u = x·cos(axis) + y·sin(axis).
    let outline = block.local;
    let inner = block.inner;
    if (k > 0) {
      outline = clipHalfPlane(outline, c, s, lo);
      inner = clipHalfPlane(inner, c, s, lo + CUT_MARGIN);
    }
    if (k < n - 1) {
      outline = clipHalfPlane(outline, -c, -s, -hi);
      inner = clipHalfPlane(inner, -c, -s, -(hi - CUT_MARGIN));
    }
    const compounds = inner.length >= 3 ? packBlock(inner, block.axis, rng.fork(`piece:${block.faceId}:${k}`), block.kindWeights) : [];
    pieces.push({ outline, compounds });
  }
  return pieces;
}

/** The road nearest a point of the block: what a compound there is addressed on. */
export function nearestRoad(block: Block, p: Pt): string {
  let best = block.edgeRoads[0] ?? '', bestD = Infinity;
  block.local.forEach((a, i) => {
    const b = block.local[(i + 1) % block.local.length]!;
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    const d = Math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1]);
    if (d < bestD) { bestD = d; best = block.edgeRoads[i]!; }
  });
  return best;
}
