import type { CommunityReshaped } from '../../../electron/api/territory-edit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { buildings, dutyPosts, grids, zones } from '../../schema';
import { insertRow, updateRow } from '../../sync/write';
import { DEFAULT_ZONE } from '../apply';
import { areaAt, centreOf, indexAreas } from '../assign';
import { communityAreas, gridAreas } from '../existing';
import { outlineChange } from './follow';
import { followingShapes, outlineProblems, writeShapes } from './outlines';
import { checkedRing } from './shape';
import { announceEdit, EditRecorder } from './stack';

function communityRow(ctx: ServiceContext, id: string): { id: string; name: string; rings: number[][][] } {
  const row = ctx.sqlite.prepare<[string], { id: string; name: string; boundary: string }>('SELECT id, name, boundary FROM communities WHERE id = ? AND deleted = 0').get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'territory.noCommunity', { id }, 'communityId');
  return { id: row.id, name: row.name, rings: JSON.parse(row.boundary) as number[][][] };
}

/** The community's first 片区 (a grid needs one), made when it has none. */
function zoneIn(ctx: ServiceContext, edit: EditRecorder, communityId: string): string {
  const found = ctx.sqlite.prepare<[string], { id: string }>('SELECT id FROM zones WHERE community_id = ? AND deleted = 0 ORDER BY number LIMIT 1').get(communityId);
  if (found) return found.id;
  const { id } = insertRow(ctx, zones, { communityId, number: 1, name: DEFAULT_ZONE });
  edit.made('zones', id);
  return id;
}

/**
 * 调整社区边界: a community's edited outline, edited as a grid's is (`reshapeGrid`): neighbouring
 * communities sharing a moved point follow, and so do the grids with a corner there, so grid and
 * community edges stay together. A grid whose centre now lies in another community joins it, with
 * its buildings and duty posts. Overlaps and uncovered ground between communities are answered.
 */
export function reshapeCommunity(ctx: ServiceContext, input: { communityId: string; ring: number[][] }): CommunityReshaped {
  authorize(ctx.actor, 'territory.manage');
  const community = communityRow(ctx, input.communityId);
  const ring = checkedRing(ctx, input.ring, `社区「${community.name}」`);
  const change = outlineChange(community.rings[0]!, ring);
  const allCommunities = communityAreas(ctx.sqlite);
  const allGrids = gridAreas(ctx.sqlite);
  const done = ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    const shapes = followingShapes(allCommunities, { id: community.id, rings: [ring, ...community.rings.slice(1)] }, change);
    const gridShapes = followingShapes(allGrids, null, change);
    writeShapes(ctx, edit, 'communities', shapes);
    writeShapes(ctx, edit, 'grids', gridShapes);
    const { after, problems } = outlineProblems(allCommunities, shapes);
    const index = indexAreas(after.filter((a) => shapes.has(a.id)));
    let regrouped = 0;
    for (const grid of allGrids) {
      const [lng, lat] = centreOf(gridShapes.get(grid.id) ?? grid.rings);
      const now = areaAt(index, lng, lat);
      if (!now || now.id === grid.communityId) continue;
      edit.touch('grids', grid.id);
      updateRow(ctx, grids, grid.id, { communityId: now.id, zoneId: zoneIn(ctx, edit, now.id) });
      for (const [table, schema] of [['buildings', buildings], ['duty_posts', dutyPosts]] as const) {
        for (const { id } of ctx.sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE grid_id = ? AND deleted = 0`).all(grid.id)) {
          edit.touch(table, id);
          updateRow(ctx, schema, id, { communityId: now.id });
        }
      }
      regrouped++;
    }
    const result = { communityId: community.id, neighbours: shapes.size - 1, grids: gridShapes.size, regrouped, ...problems };
    edit.finish('reshape_community', `调整社区「${community.name}」的边界`, community.id, {
      community: community.name,
      neighbours: result.neighbours,
      grids: result.grids,
      regrouped,
      overlaps: problems.overlaps.length,
      gaps: problems.gaps.length,
    });
    return result;
  })();
  announceEdit(ctx);
  return done;
}
