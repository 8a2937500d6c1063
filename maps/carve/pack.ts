/**
 * Packs a block (its buildable inner polygon, local metres) with compounds of buildings laid
 * in rows along the block's main street: bands of rows, each band one kind of compound,
 * split along the street into compounds. Footprints never overlap and never leave the polygon.
 */
import type { Random } from '../random';
import { centroidOf, rotate, shapeInside, type Pt } from './polygon';

export type CompoundKind = 'gated' | 'open' | 'old' | 'bungalow';
export const COMPOUND_KINDS: readonly CompoundKind[] = ['gated', 'open', 'old', 'bungalow'];

/** tower 高层塔楼, slab 板楼, walkup 多层/老旧楼, alley 平房院落的弄巷 */
export type BuildingShape = 'tower' | 'slab' | 'walkup' | 'alley';

export interface PackedBuilding {
  /** Four corners, counter-clockwise, local metres. */
  corners: Pt[];
  shape: BuildingShape;
  length: number;
  depth: number;
}

export interface PackedCompound {
  kind: CompoundKind;
  buildings: PackedBuilding[];
  anchor: Pt;
}

type Range = [number, number];
interface Variant { shape: BuildingShape; length: Range; depth: Range; gapAlong: number; gapAcross: number; weight: number }
interface KindSpec { rows: Range; compoundLength: Range; variants: Variant[] }

const SPECS: Record<CompoundKind, KindSpec> = {
  gated: {
    rows: [2, 3],
    compoundLength: [90, 150],
    variants: [
      { shape: 'slab', length: [42, 60], depth: [12, 14], gapAlong: 10, gapAcross: 18, weight: 0.85 },
      { shape: 'tower', length: [22, 26], depth: [18, 22], gapAlong: 12, gapAcross: 20, weight: 0.15 },
    ],
  },
  open: { rows: [2, 3], compoundLength: [60, 120], variants: [{ shape: 'walkup', length: [34, 50], depth: [11, 13], gapAlong: 8, gapAcross: 13, weight: 1 }] },
  old: { rows: [1, 3], compoundLength: [40, 90], variants: [{ shape: 'walkup', length: [22, 36], depth: [10, 12], gapAlong: 6, gapAcross: 10, weight: 1 }] },
  bungalow: { rows: [2, 4], compoundLength: [45, 90], variants: [{ shape: 'alley', length: [28, 48], depth: [7, 9], gapAlong: 4, gapAcross: 5, weight: 1 }] },
};

/** Gap between neighbouring compounds along the street, and between bands. */
const COMPOUND_GAP = 6;
const BAND_GAP = 8;
const MAX_TILT = (1.2 * Math.PI) / 180;

/**
 * @param inner buildable polygon, local metres, counter-clockwise
 * @param axis direction of the rows (radians), usually the block's longest street
 * @param kindWeights relative weights of gated / open / old / bungalow compounds
 */
export function packBlock(inner: readonly Pt[], axis: number, rng: Random, kindWeights: readonly number[]): PackedCompound[] {
  const poly = rotate(inner, -axis);
  const us = poly.map((p) => p[0]), vs = poly.map((p) => p[1]);
  const uMin = Math.min(...us), uMax = Math.max(...us), vMax = Math.max(...vs);
  let v = Math.min(...vs) + 0.5;
  const compounds: PackedCompound[] = [];
  while (v < vMax - 6) {
    const kind = rng.weighted(COMPOUND_KINDS, kindWeights);
    const spec = SPECS[kind];
    const variant = rng.weighted(spec.variants, spec.variants.map((x) => x.weight));
    const depth = Math.round(rng.range(...variant.depth));
    const rows = rng.int(...spec.rows);
    const segments: Range[] = [];
    for (let u = uMin; u < uMax - variant.length[0]; ) {
      const end = Math.min(u + rng.range(...spec.compoundLength), uMax);
      segments.push([u, end]);
      u = end + COMPOUND_GAP;
    }
    const groups: PackedBuilding[][] = segments.map(() => []);
    let rowsPlaced = 0;
    for (let r = 0; r < rows; r++) {
      const v0 = v + r * (depth + variant.gapAcross);
      if (v0 + depth > vMax) break;
      let placed = false;
      segments.forEach(([s0, s1], si) => {
        let u = s0;
        while (u + variant.length[0] <= s1) {
          const length = Math.min(Math.round(rng.range(...variant.length)), Math.floor(s1 - u));
          if (length < variant.length[0]) break;
          const rect = place(poly, u, v0, length, depth, rng.range(-MAX_TILT, MAX_TILT));
          if (rect) {
            groups[si]!.push({ corners: rotate(rect, axis), shape: variant.shape, length, depth });
            placed = true;
            u += length + variant.gapAlong;
          } else {
            u += 3;
          }
        }
      });
      if (placed) rowsPlaced = r + 1;
    }
    for (const buildings of groups) {
      if (buildings.length === 0) continue;
      compounds.push({ kind, buildings, anchor: centroidOf(buildings.map((b) => centroidOf(b.corners))) });
    }
    v += rowsPlaced > 0 ? rowsPlaced * depth + (rowsPlaced - 1) * variant.gapAcross + BAND_GAP : 4;
  }
  return compounds;
}

/** The rectangle [u, u+length] × [v, v+depth], slightly tilted if it still fits, else straight. */
function place(poly: Pt[], u: number, v: number, length: number, depth: number, tilt: number): Pt[] | null {
  const rect: Pt[] = [[u, v], [u + length, v], [u + length, v + depth], [u, v + depth]];
  if (!shapeInside(rect, poly)) return null;
  const cu = u + length / 2, cv = v + depth / 2;
  const tilted = rotate(rect.map(([x, y]): Pt => [x - cu, y - cv]), tilt).map(([x, y]): Pt => [x + cu, y + cv]);
  return shapeInside(tilted, poly) ? tilted : rect;
}
