import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { buildingNeeds, type NeedKind } from '../schema';
import { uuidv7 } from '../sync/ids';
import { insertRow, updateRow } from '../sync/write';
import { buildingGridOf } from './scope';
import type { BuildingNeed } from '../../electron/api/buildings';

export const NEED_COLUMNS = 'id, kind, detail, requested_by, requested_at, assignee, done_at, done_by';

export interface NeedRow {
  id: string;
  kind: NeedKind;
  detail: string;
  requested_by: string;
  requested_at: number;
  assignee: string | null;
  done_at: number | null;
  done_by: string | null;
}

export function needOf(r: NeedRow): BuildingNeed {
  return {
    id: r.id,
    kind: r.kind,
    detail: r.detail,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    assignee: r.assignee,
    doneAt: r.done_at,
    doneBy: r.done_by,
  };
}

function readNeed(ctx: ServiceContext, id: string): NeedRow & { building_id: string } {
  const row = ctx.sqlite.prepare<unknown[], NeedRow & { building_id: string }>(`SELECT ${NEED_COLUMNS}, building_id FROM building_needs WHERE id = ? AND deleted = 0`).get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'need.notFound', {}, 'id');
  return row;
}

export interface AddNeedInput {
  buildingId: string;
  householdId?: string;
  kind: NeedKind;
  detail: string;
  requestedBy: string;
  assignee?: string;
}

/** Records a resident's request (代购, 送药, other) on a building; requested now. */
export function addNeed(ctx: ServiceContext, input: AddNeedInput, now = Date.now()): BuildingNeed {
  authorize(ctx.actor, 'buildings.edit');
  const gridId = buildingGridOf(ctx, input.buildingId, 'buildingId');
  authorize(ctx.actor, 'buildings.edit', { gridId });
  if (input.householdId !== undefined) {
    const household = ctx.sqlite.prepare<unknown[], { building_id: string }>('SELECT building_id FROM households WHERE id = ? AND deleted = 0').get(input.householdId);
    if (!household) throw new ServiceError('INVALID_INPUT', 'need.householdNotFound', {}, 'householdId');
    if (household.building_id !== input.buildingId) throw new ServiceError('INVALID_INPUT', 'need.householdElsewhere', {}, 'householdId');
  }
  const id = uuidv7();
  ctx.sqlite.transaction(() => {
    insertRow(ctx, buildingNeeds, {
      buildingId: input.buildingId, householdId: input.householdId ?? null, kind: input.kind, detail: input.detail,
      requestedBy: input.requestedBy, requestedAt: now, assignee: input.assignee || null,
    }, { id });
  })();
  ctx.emit('data.changed', { domains: ['buildings'] });
  return needOf(readNeed(ctx, id));
}

/** Assigns someone to a need, or marks it done (by the caller, now); done twice is a conflict. */
export function updateNeed(ctx: ServiceContext, input: { id: string; assignee?: string; done?: boolean }, now = Date.now()): BuildingNeed {
  authorize(ctx.actor, 'buildings.edit');
  if (input.assignee === undefined && input.done === undefined) throw new ServiceError('INVALID_INPUT', 'need.nothingToChange', {}, 'assignee');
  const need = readNeed(ctx, input.id);
  authorize(ctx.actor, 'buildings.edit', { gridId: buildingGridOf(ctx, need.building_id, 'id') });
  if (input.done === true && need.done_at !== null) {
    throw new ServiceError('CONFLICT', 'need.alreadyDone', { by: need.done_by ?? '' }, 'done');
  }
  const assignee = input.assignee === undefined ? need.assignee : input.assignee || null;
  const doneAt = input.done === undefined ? need.done_at : input.done ? now : null;
  const doneBy = input.done === undefined ? need.done_by : input.done ? ctx.actor.name : null;
  ctx.sqlite.transaction(() => {
    updateRow(ctx, buildingNeeds, need.id, { assignee, doneAt, doneBy });
  })();
  ctx.emit('data.changed', { domains: ['buildings'] });
  return needOf(readNeed(ctx, need.id));
}
