import { area, bbox, difference, featureCollection, intersect, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GridSplit } from '../../electron/api/territory';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { buildings, grids } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { areaAt, centreOf, indexAreas } from './assign';
import { announceEdit, EditRecorder } from './edits/stack';

type GridRow = { id: string; code: string; name: string; number: number; zone_id: string; community_id: string; boundary: string };

function gridOf(ctx: ServiceContext, id: string): GridRow {
  const row = ctx.sqlite
    .prepare<[string], GridRow>('SELECT id, code, name, number, zone_id, community_id, boundary FROM grids WHERE id = ? AND deleted = 0')
    .get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'territory.noGrid', { id }, 'gridId');
  return row;
}

/**
 * The side of the line to its left, as a polygon: the line extended well past the grid at both
 * ends, closed far to the left. Intersecting and subtracting it cuts the grid along the line, so
 * both parts share the cut edge exactly.
 */
function leftSide(line: number[][], reach: number): Feature<Polygon> {
  const [ax, ay] = line[0]!;
  const [bx, by] = line[1]!;
  const [cx, cy] = line[line.length - 2]!;
  const [dx, dy] = line[line.length - 1]!;
  const unit = (x: number, y: number) => {
    const n = Math.hypot(x, y) || 1;
    return [x / n, y / n] as const;
  };
  const [sx, sy] = unit(ax! - bx!, ay! - by!);
  const [ex, ey] = unit(dx! - cx!, dy! - cy!);
  const [ux, uy] = unit(dx! - ax!, dy! - ay!);
  const [lx, ly] = [-uy, ux];
  const start = [ax! + sx * reach, ay! + sy * reach];
  const end = [dx! + ex * reach, dy! + ey * reach];
  const ring = [start, ...line, end, [end[0]! + lx * reach, end[1]! + ly * reach], [start[0]! + lx * reach, start[1]! + ly * reach], start];
  return polygon([ring]);
}

const single = (f: Feature<Polygon | MultiPolygon> | null): number[][][] | null => (f && f.geometry.type === 'Polygon' && area(f) > 1 ? f.geometry.coordinates : null);

/** A free grid code after `code`: 「…-01」 split gives 「…-01-2」 (or -3, …). */
function freeCode(ctx: ServiceContext, code: string): string {
  const taken = ctx.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM grids WHERE code = ?');
  for (let i = 2; ; i++) if (taken.get(`${code}-${i}`)!.n === 0) return `${code}-${i}`;
}

/**
 * 拆分网格: cuts a grid in two along a drawn line. The grid keeps its id and code with the part on
 * the left of the line; the other part becomes a new grid of the same community and zone, and the
 * buildings whose centre lies in it move there. One transaction, audited, undoable (`edits/undo.ts`).
 */
export function splitGrid(ctx: ServiceContext, input: { gridId: string; line: number[][] }): GridSplit {
  authorize(ctx.actor, 'territory.manage');
  const grid = gridOf(ctx, input.gridId);
  const rings = JSON.parse(grid.boundary) as number[][][];
  const shape = polygon(rings);
  const [w, s, e, n] = bbox(shape);
  const side = leftSide(input.line, Math.hypot(e - w, n - s) * 4 + 0.01);
  const kept = single(intersect(featureCollection([shape, side])));
  const split = single(difference(featureCollection([shape, side])));
  if (!kept || !split) throw new ServiceError('INVALID_INPUT', 'territory.splitFailed', { name: grid.name }, 'line');
  const newIndex = indexAreas([{ id: 'new', code: '', name: '', rings: split }]);
  const inGrid = ctx.sqlite
    .prepare<[string], { id: string; lat: number; lng: number }>('SELECT id, centroid_lat AS lat, centroid_lng AS lng FROM buildings WHERE grid_id = ? AND deleted = 0')
    .all(grid.id);
  const done = ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    const [keptLng, keptLat] = centreOf(kept);
    edit.touch('grids', grid.id);
    const [newLng, newLat] = centreOf(split);
    updateRow(ctx, grids, grid.id, { boundary: kept, labelLat: keptLat, labelLng: keptLng });
    const code = freeCode(ctx, grid.code);
    const name = `${grid.name}（拆分）`;
    const { id: newGridId } = insertRow(ctx, grids, {
      zoneId: grid.zone_id,
      communityId: grid.community_id,
      code,
      number: grid.number,
      name,
      boundary: split,
      labelLat: newLat,
      labelLng: newLng,
    });
    edit.made('grids', newGridId);
    const moved = inGrid.filter((b) => areaAt(newIndex, b.lng, b.lat)).map((b) => b.id);
    for (const id of moved) {
      edit.touch('buildings', id);
      updateRow(ctx, buildings, id, { gridId: newGridId });
    }
    edit.finish('split', `拆分网格「${grid.name}」`, grid.id, { grid: grid.name, code: grid.code, newCode: code, moved: moved.length });
    return { gridId: grid.id, newGridId, newCode: code, moved: moved.length };
  })();
  announceEdit(ctx);
  return done;
}

/** 调整楼栋所属网格: a building reassigned to another grid by hand (its footprint stays). */
export function moveBuilding(ctx: ServiceContext, input: { buildingId: string; gridId: string }): { buildingId: string; gridId: string } {
  authorize(ctx.actor, 'territory.manage');
  const grid = gridOf(ctx, input.gridId);
  const building = ctx.sqlite.prepare<[string], { id: string; address: string; grid_id: string }>('SELECT id, address, grid_id FROM buildings WHERE id = ? AND deleted = 0').get(input.buildingId);
  if (!building) throw new ServiceError('NOT_FOUND', 'territory.noBuilding', { id: input.buildingId }, 'buildingId');
  ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    edit.touch('buildings', building.id);
    updateRow(ctx, buildings, building.id, { gridId: grid.id, communityId: grid.community_id });
    edit.finish('move_building', `把楼栋「${building.address}」划到网格「${grid.name}」`, building.id, { address: building.address, from: building.grid_id, to: grid.id, grid: grid.name });
  })();
  announceEdit(ctx);
  return { buildingId: building.id, gridId: grid.id };
}
