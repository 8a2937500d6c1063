import type { BuildingSaved } from '../../../electron/api/territory-edit';
import { authorize } from '../../auth/permissions';
import { cachedAddressInitials } from '../../buildings/initials';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { buildings, compounds } from '../../schema';
import { insertRow, tombstoneRow, updateRow } from '../../sync/write';
import { DEFAULT_COMPOUND } from '../apply';
import { areaAt, centreOf, indexAreas } from '../assign';
import { gridAreas } from '../existing';
import { gridRow } from './grid-rows';
import { checkedRing } from './shape';
import { announceEdit, EditRecorder } from './stack';

type BuildingRow = { id: string; name: string; address: string; grid_id: string; compound_id: string };

function buildingRow(ctx: ServiceContext, id: string): BuildingRow {
  const row = ctx.sqlite.prepare<[string], BuildingRow>('SELECT id, name, address, grid_id, compound_id FROM buildings WHERE id = ? AND deleted = 0').get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'territory.noBuilding', { id }, 'buildingId');
  return row;
}

/** The grid a footprint's centre lies in, or a refusal saying the building is outside every grid. */
function gridAt(ctx: ServiceContext, ring: number[][]) {
  const [lng, lat] = centreOf([ring]);
  const grid = areaAt(indexAreas(gridAreas(ctx.sqlite)), lng, lat);
  if (!grid) throw new ServiceError('INVALID_INPUT', 'territory.buildingOutsideGrids', { at: `${lng.toFixed(6)}, ${lat.toFixed(6)}` }, 'ring');
  return { grid: gridRow(ctx, grid.id, 'ring'), lng, lat };
}

/** The grid's 未分楼院, made (and recorded) when it has none. */
function looseCompound(ctx: ServiceContext, edit: EditRecorder, gridId: string): string {
  const found = ctx.sqlite.prepare<[string, string], { id: string }>('SELECT id FROM compounds WHERE grid_id = ? AND name = ? AND deleted = 0 LIMIT 1').get(gridId, DEFAULT_COMPOUND);
  if (found) return found.id;
  const { id } = insertRow(ctx, compounds, { gridId, name: DEFAULT_COMPOUND, kind: 'open', road: '', hasPropertyMgmt: false, openCompound: true });
  edit.made('compounds', id);
  return id;
}

/** 新增楼栋: a footprint drawn on the map, in the grid its centre lies in, in that grid's 未分楼院. */
export function addBuilding(ctx: ServiceContext, input: { ring: number[][]; name: string; address: string; floors: number }): BuildingSaved {
  authorize(ctx.actor, 'territory.manage');
  const ring = checkedRing(ctx, input.ring, '楼栋');
  const { grid, lng, lat } = gridAt(ctx, ring);
  const taken = ctx.sqlite.prepare<[string], { id: string }>('SELECT id FROM buildings WHERE address = ? AND deleted = 0').get(input.address);
  if (taken) throw new ServiceError('CONFLICT', 'territory.buildingNameTaken', { address: input.address }, 'address');
  const done = ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    const { id } = insertRow(ctx, buildings, {
      compoundId: looseCompound(ctx, edit, grid.id),
      gridId: grid.id,
      communityId: grid.community_id,
      kind: 'building',
      name: input.name,
      address: input.address,
      floors: input.floors,
      unitCount: 0,
      households: 0,
      residents: 0,
      hasPropertyMgmt: false,
      openCompound: true,
      footprint: ring,
      centroidLat: lat,
      centroidLng: lng,
      status: 'normal',
      statusSince: Date.now(),
      addressInitials: cachedAddressInitials()(input.address),
    });
    edit.made('buildings', id);
    edit.finish('add_building', `新增楼栋「${input.address}」`, id, { address: input.address, grid: grid.name });
    return { buildingId: id, gridId: grid.id, gridName: grid.name };
  })();
  announceEdit(ctx);
  return done;
}

/** 移动或修改楼栋轮廓: the new footprint; the building follows its centre into another grid. */
export function reshapeBuilding(ctx: ServiceContext, input: { buildingId: string; ring: number[][] }): BuildingSaved {
  authorize(ctx.actor, 'territory.manage');
  const building = buildingRow(ctx, input.buildingId);
  const ring = checkedRing(ctx, input.ring, `楼栋「${building.name}」`);
  const { grid, lng, lat } = gridAt(ctx, ring);
  const done = ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    edit.touch('buildings', building.id);
    const moves = grid.id !== building.grid_id;
    updateRow(ctx, buildings, building.id, {
      footprint: ring,
      centroidLat: lat,
      centroidLng: lng,
      ...(moves ? { gridId: grid.id, communityId: grid.community_id, compoundId: looseCompound(ctx, edit, grid.id) } : {}),
    });
    edit.finish('reshape_building', `修改楼栋「${building.address}」的轮廓`, building.id, { address: building.address, grid: grid.name, moved: moves ? 1 : 0 });
    return { buildingId: building.id, gridId: grid.id, gridName: grid.name };
  })();
  announceEdit(ctx);
  return done;
}

/** 删除楼栋: a tombstone (its residents and history stay with it and come back on undo). */
export function deleteBuilding(ctx: ServiceContext, input: { buildingId: string }): { buildingId: string } {
  authorize(ctx.actor, 'territory.manage');
  const building = buildingRow(ctx, input.buildingId);
  ctx.sqlite.transaction(() => {
    const edit = new EditRecorder(ctx);
    edit.touch('buildings', building.id);
    tombstoneRow(ctx, buildings, building.id);
    edit.finish('delete_building', `删除楼栋「${building.address}」`, building.id, { address: building.address });
  })();
  announceEdit(ctx);
  return { buildingId: building.id };
}
