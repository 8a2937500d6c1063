import type { GridReshaped } from '../../../electron/api/territory-edit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { buildings } from '../../schema';
import { updateRow } from '../../sync/write';
import { areaAt, indexAreas } from '../assign';
import { gridAreas } from '../existing';
import { outlineChange } from './follow';
import { gridRow } from './grid-rows';
import { followingShapes, outlineProblems, writeShapes } from './outlines';
import { checkedRing } from './shape';
import { announceEdit, EditRecorder } from './stack';

/**
 * 调整网格边界: a grid's edited outline. Neighbours sharing a moved point move it too, and a point
 * put on a shared edge goes into the neighbour's outline as well, so a shared edge stays shared.
 * Buildings whose centre now lies in another of these grids move there. Overlaps with the edited
 * grids and ground they covered that no grid covers now are answered for the user to see (not refused: a boundary may be drawn in steps).
 */
export function reshapeGrid(ctx: ServiceContext, input: { gridId: string; ring: number[][] }): GridReshaped {
  authorize(ctx.actor, 'territory.manage');
  const grid = gridRow(ctx, input.gridId, 'gridId');
  const ring = checkedRing(ctx, input.ring, `网格「${grid.name}」`);
  const change = outlineChange(grid.rings[0]!, ring);
  const all = gridAreas(ctx.sqlite);
  const done = ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    const shapes = followingShapes(all, { id: grid.id, rings: [ring, ...grid.rings.slice(1)] }, change);
    writeShapes(ctx, edit, 'grids', shapes);
    const { after, problems } = outlineProblems(all, shapes);
    const moved = moveBuildingsIntoGrids(ctx, edit, after.filter((a) => shapes.has(a.id)));
    edit.finish('reshape_grid', `调整网格「${grid.name}」的边界`, grid.id, { grid: grid.name, neighbours: shapes.size - 1, moved, overlaps: problems.overlaps.length, gaps: problems.gaps.length });
    return { gridId: grid.id, neighbours: shapes.size - 1, moved, ...problems };
  })();
  announceEdit(ctx);
  return done;
}

/** Buildings of the changed grids whose centre now lies in another of them move there (with its community); how many moved. */
export function moveBuildingsIntoGrids(ctx: ServiceContext, edit: EditRecorder, changed: { id: string; communityId: string; code: string; name: string; rings: number[][][] }[]): number {
  const index = indexAreas(changed);
  const community = new Map(changed.map((a) => [a.id, a.communityId]));
  let moved = 0;
  const inThem = ctx.sqlite.prepare<[string], { id: string; lat: number; lng: number; grid_id: string }>(
    'SELECT id, centroid_lat AS lat, centroid_lng AS lng, grid_id FROM buildings WHERE grid_id = ? AND deleted = 0',
  );
  for (const grid of changed) {
    for (const b of inThem.all(grid.id)) {
      const now = areaAt(index, b.lng, b.lat);
      if (!now || now.id === b.grid_id) continue;
      edit.touch('buildings', b.id);
      updateRow(ctx, buildings, b.id, { gridId: now.id, communityId: community.get(now.id)! });
      moved++;
    }
  }
  return moved;
}
