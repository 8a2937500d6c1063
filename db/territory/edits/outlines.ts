import type { ServiceContext } from '../../context';
import { communities, grids } from '../../schema';
import { updateRow } from '../../sync/write';
import { centreOf, indexAreas, overlaps, type Area } from '../assign';
import { followed, type OutlineChange } from './follow';
import type { EditRecorder } from './stack';
import { uncovered } from './uncovered';

/** The boundary layers edited on the map: a community's and a grid's outline are edited alike. */
export type OutlineTable = 'grids' | 'communities';
const TABLES = { grids, communities } as const;

/**
 * Every area of a layer whose outline follows a change (one area given its new rings outright):
 * points on moved corners move, points put on a shared edge go in. Keyed by id, rings as they are now.
 */
export function followingShapes(areas: readonly Area[], own: { id: string; rings: number[][][] } | null, change: OutlineChange): Map<string, number[][][]> {
  const shapes = new Map<string, number[][][]>(own ? [[own.id, own.rings]] : []);
  for (const other of areas) {
    if (other.id === own?.id) continue;
    const outer = followed(other.rings[0]!, change);
    if (outer) shapes.set(other.id, [outer, ...other.rings.slice(1)]);
  }
  return shapes;
}

/** Writes the new outlines (and label points) of a layer, each row recorded for undo first. */
export function writeShapes(ctx: ServiceContext, edit: EditRecorder, table: OutlineTable, shapes: Map<string, number[][][]>): void {
  for (const [id, rings] of shapes) {
    const [lng, lat] = centreOf(rings);
    edit.touch(table, id);
    updateRow(ctx, TABLES[table], id, { boundary: rings, labelLat: lat, labelLng: lng });
  }
}

export interface OutlineProblems {
  overlaps: { a: string; b: string; m2: number }[];
  gaps: { at: [number, number]; m2: number }[];
}

/** What the change leaves in a layer: overlaps of the changed areas with any other (over 1 m²), and ground they covered that none covers now. */
export function outlineProblems<A extends Area>(all: readonly A[], shapes: Map<string, number[][][]>): { after: A[]; problems: OutlineProblems } {
  const after = all.map((a) => (shapes.has(a.id) ? { ...a, rings: shapes.get(a.id)! } : a));
  const overlapsLeft = overlaps(indexAreas(after))
    .filter((o) => shapes.has(o.a.id) || shapes.has(o.b.id))
    .map((o) => ({ a: o.a.name, b: o.b.name, m2: Math.round(o.m2) }));
  const before = all.filter((a) => shapes.has(a.id)).map((a) => a.rings);
  const gapsLeft = uncovered(before, after.map((a) => a.rings)).map((g) => ({ at: g.at, m2: Math.round(g.m2) }));
  return { after, problems: { overlaps: overlapsLeft, gaps: gapsLeft } };
}
