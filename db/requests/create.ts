import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import { buildingPlaceOf } from '../buildings/scope';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requests } from '../schema';
import { uuidv7 } from '../sync/ids';
import { insertRow } from '../sync/write';
import type { RequestDetail, RequestKind, RequestLevel, RequestSource } from '../../electron/api/requests';
import { detailOf, readRequest } from './detail';
import { addEvent } from './history';
import { dueAtFor } from './rule';

/** A client clock a little ahead of ours is not "the future". */
const CLOCK_SLACK_MS = 60_000;

export interface CreateRequestInput {
  buildingId: string;
  householdId?: string | undefined;
  kind: RequestKind;
  title: string;
  description?: string | undefined;
  source: RequestSource;
  requester?: string | undefined;
  level: RequestLevel;
  handler?: string | undefined;
  receivedAt?: number | undefined;
}

function checkHousehold(ctx: ServiceContext, householdId: string, buildingId: string): void {
  const household = ctx.sqlite.prepare<unknown[], { building_id: string }>('SELECT building_id FROM households WHERE id = ? AND deleted = 0').get(householdId);
  if (!household) throw new ServiceError('INVALID_INPUT', 'request.householdNotFound', {}, 'householdId');
  if (household.building_id !== buildingId) throw new ServiceError('INVALID_INPUT', 'request.householdElsewhere', {}, 'householdId');
}

/**
 * `requests.create`: a request received now (or earlier, when given), 待受理 and held to the
 * 24-hour limit from the moment it was received. Audited on its building.
 */
export function createRequest(ctx: ServiceContext, input: CreateRequestInput, now: number): RequestDetail {
  authorize(ctx.actor, 'requests.handle');
  const place = buildingPlaceOf(ctx, input.buildingId);
  authorize(ctx.actor, 'requests.handle', { gridId: place.gridId });
  if (input.householdId !== undefined) checkHousehold(ctx, input.householdId, input.buildingId);
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt > now + CLOCK_SLACK_MS) throw new ServiceError('INVALID_INPUT', 'request.receivedInFuture', {}, 'receivedAt');
  const id = uuidv7();
  ctx.sqlite.transaction(() => {
    insertRow(
      ctx,
      requests,
      {
        buildingId: input.buildingId,
        gridId: place.gridId,
        communityId: place.communityId,
        householdId: input.householdId ?? null,
        kind: input.kind,
        title: input.title,
        description: input.description || null,
        source: input.source,
        requester: input.requester || null,
        reportedBy: ctx.actor.name,
        receivedAt,
        level: input.level,
        handler: input.handler || null,
        state: 'pending',
        dueAt: dueAtFor('pending', input.level, receivedAt),
      },
      { id },
    );
    addEvent(ctx, { requestId: id, at: receivedAt, action: 'create', actor: ctx.actor.name, fromState: null, toState: 'pending' });
    appendAudit(ctx.sqlite, {
      actor: ctx.actor,
      action: 'requests.create',
      target: input.buildingId,
      detail: { requestId: id, kind: input.kind, source: input.source, level: input.level },
      at: now,
    });
  })();
  ctx.emit('data.changed', { domains: ['requests', 'buildings'] });
  return detailOf(ctx, readRequest(ctx, id), now);
}
