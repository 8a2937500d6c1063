import type { GridReshaped } from '../../../electron/api/territory-edit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { buildings, grids } from '../../schema';
import { updateRow } from '../../sync/write';
import { areaAt, centreOf, indexAreas, overlaps } from '../assign';
import { uncovered } from './uncovered';
import { gridAreas } from '../existing';
import { followed, outlineChange } from './follow';
import { gridRow } from './grid-rows';
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
    const shapes = new Map<string, number[][][]>([[grid.id, [ring, ...grid.rings.slice(1)]]]);
    for (const other of all) {
      if (other.id === grid.id) continue;
      const outer = followed(other.rings[0]!, change);
      if (outer) shapes.set(other.id, [outer, ...other.rings.slice(1)]);
    }
    for (const [id, rings] of shapes) {
      const [lng, lat] = centreOf(rings);
      edit.touch('grids', id);
      updateRow(ctx, grids, id, { boundary: rings, labelLat: lat, labelLng: lng });
    }
    const touched = all.filter((a) => shapes.has(a.id)).map((a) => ({ ...a, rings: shapes.get(a.id)! }));
    const index = indexAreas(touched);
    const community = new Map(touched.map((a) => [a.id, a.communityId]));
    let moved = 0;
    const inThem = ctx.sqlite.prepare<[string], { id: string; lat: number; lng: number; grid_id: string }>(
      'SELECT id, centroid_lat AS lat, centroid_lng AS lng, grid_id FROM buildings WHERE grid_id = ? AND deleted = 0',
    );
    for (const id of shapes.keys()) {
      for (const b of inThem.all(id)) {
        const now = areaAt(index, b.lng, b.lat);
        if (!now || now.id === b.grid_id) continue;
        edit.touch('buildings', b.id);
        updateRow(ctx, buildings, b.id, { gridId: now.id, communityId: community.get(now.id)! });
        moved++;
      }
    }
    const after = all.map((a) => (shapes.has(a.id) ? { ...a, rings: shapes.get(a.id)! } : a));
    const overlapsLeft = overlaps(indexAreas(after))
      .filter((o) => shapes.has(o.a.id) || shapes.has(o.b.id))
      .map((o) => ({ a: o.a.name, b: o.b.name, m2: Math.round(o.m2) }));
    const before = all.filter((a) => shapes.has(a.id)).map((a) => a.rings);
    const gapsLeft = uncovered(before, after.map((a) => a.rings)).map((g) => ({ at: g.at, m2: Math.round(g.m2) }));
    edit.finish('reshape_grid', `调整网格「${grid.name}」的边界`, grid.id, { grid: grid.name, neighbours: shapes.size - 1, moved, overlaps: overlapsLeft.length, gaps: gapsLeft.length });
    return { gridId: grid.id, neighbours: shapes.size - 1, moved, overlaps: overlapsLeft, gaps: gapsLeft };
  })();
  announceEdit(ctx);
  return done;
}
