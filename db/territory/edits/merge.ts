import { featureCollection, polygon, union } from '@turf/turf';
import type { GridsMerged } from '../../../electron/api/territory-edit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { buildings, compounds, dutyPosts, grids } from '../../schema';
import { tombstoneRow, updateRow } from '../../sync/write';
import { centreOf } from '../assign';
import { gridRow, liveIds } from './grid-rows';
import { announceEdit, EditRecorder } from './stack';

/**
 * 合并网格: the two grids' union becomes the kept grid's outline (they must share an edge, so the
 * union is one piece); the merged grid's compounds, buildings and duty posts move to it and the
 * merged grid is removed. One transaction, audited, undoable.
 */
export function mergeGrids(ctx: ServiceContext, input: { keepId: string; mergeId: string }): GridsMerged {
  authorize(ctx.actor, 'territory.manage');
  if (input.keepId === input.mergeId) throw new ServiceError('INVALID_INPUT', 'territory.mergeSame', {}, 'mergeId');
  const keep = gridRow(ctx, input.keepId, 'keepId');
  const gone = gridRow(ctx, input.mergeId, 'mergeId');
  const merged = union(featureCollection([polygon(keep.rings), polygon(gone.rings)]));
  if (!merged || merged.geometry.type !== 'Polygon') throw new ServiceError('INVALID_INPUT', 'territory.notAdjacent', { a: keep.name, b: gone.name }, 'mergeId');
  const rings = merged.geometry.coordinates;
  const done = ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    const [lng, lat] = centreOf(rings);
    edit.touch('grids', keep.id);
    updateRow(ctx, grids, keep.id, { boundary: rings, labelLat: lat, labelLng: lng });
    const moved = liveIds(ctx, 'buildings', gone.id);
    for (const id of moved) {
      edit.touch('buildings', id);
      updateRow(ctx, buildings, id, { gridId: keep.id, communityId: keep.community_id });
    }
    for (const id of liveIds(ctx, 'compounds', gone.id)) {
      edit.touch('compounds', id);
      updateRow(ctx, compounds, id, { gridId: keep.id });
    }
    for (const id of liveIds(ctx, 'duty_posts', gone.id)) {
      edit.touch('duty_posts', id);
      updateRow(ctx, dutyPosts, id, { gridId: keep.id });
    }
    edit.touch('grids', gone.id);
    tombstoneRow(ctx, grids, gone.id);
    edit.finish('merge_grids', `合并网格「${keep.name}」和「${gone.name}」`, keep.id, { grid: keep.name, merged: gone.name, code: gone.code, moved: moved.length });
    return { gridId: keep.id, moved: moved.length };
  })();
  announceEdit(ctx);
  return done;
}
