import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requests } from '../schema';
import { updateRow, type RowChanges } from '../sync/write';
import type { RequestDetail, RequestLevel, RequestState, Satisfaction } from '../../electron/api/requests';
import { detailOf, readRequest } from './detail';
import { addEvent } from './history';
import { ACTION_LABELS, STATE_LABELS } from './labels';
import { dueAtFor } from './rule';

type Step = keyof typeof ACTION_LABELS;

/** From which states each step may be taken, and the state it leads to (null: stays). */
const STEPS: Record<Step, { from: readonly RequestState[]; to: RequestState | null }> = {
  accept: { from: ['pending'], to: 'handling' },
  assign: { from: ['pending', 'handling'], to: null },
  resolve: { from: ['handling'], to: 'resolved' },
  revisit: { from: ['resolved'], to: 'revisited' },
};

interface Change {
  step: Step;
  level?: RequestLevel | undefined;
  set: (row: ReturnType<typeof readRequest>) => RowChanges<typeof requests>;
  note?: string | null | undefined;
  audit?: Record<string, unknown>;
}

/**
 * Takes one step of a request's life, in the caller's grids: refuses a step its state does not
 * allow (CONFLICT, in words, nothing written), keeps its limit in step with the new state and
 * level, writes the history line and the audit entry in the same transaction.
 */
function step(ctx: ServiceContext, id: string, change: Change, now: number): RequestDetail {
  authorize(ctx.actor, 'requests.handle');
  ctx.sqlite.transaction(() => {
    const row = readRequest(ctx, id);
    authorize(ctx.actor, 'requests.handle', { gridId: row.grid_id });
    const rule = STEPS[change.step];
    if (!rule.from.includes(row.state)) {
      throw new ServiceError('CONFLICT', 'request.illegalTransition', { state: STATE_LABELS[row.state], action: ACTION_LABELS[change.step] }, 'id');
    }
    const to = rule.to ?? row.state;
    const level = change.level ?? row.level;
    updateRow(ctx, requests, row.id, { ...change.set(row), state: to, level, dueAt: dueAtFor(to, level, row.received_at) });
    addEvent(ctx, { requestId: row.id, at: now, action: change.step, actor: ctx.actor.name, fromState: row.state, toState: to, note: change.note ?? null });
    appendAudit(ctx.sqlite, {
      actor: ctx.actor,
      action: `requests.${change.step}`,
      target: row.building_id,
      detail: { requestId: row.id, from: row.state, to, level, ...change.audit },
      at: now,
    });
  })();
  ctx.emit('data.changed', { domains: ['requests', 'buildings'] });
  return detailOf(ctx, readRequest(ctx, id), now);
}

/** 受理: 待受理 → 办理中, by the caller; who is in charge and at what level may be set at once. */
export function acceptRequest(ctx: ServiceContext, input: { id: string; handler?: string | undefined; level?: RequestLevel | undefined; note?: string | undefined }, now: number): RequestDetail {
  return step(ctx, input.id, {
    step: 'accept',
    level: input.level,
    note: input.note || (input.handler ? `负责：${input.handler}` : null),
    set: (row) => ({ acceptedAt: now, acceptedBy: ctx.actor.name, handler: input.handler || row.handler }),
  }, now);
}

/** 交办: a person or unit in charge, and the level (上报上级 holds it to the 3-day limit). */
export function assignRequest(ctx: ServiceContext, input: { id: string; handler: string; level?: RequestLevel | undefined; note?: string | undefined }, now: number): RequestDetail {
  return step(ctx, input.id, {
    step: 'assign',
    level: input.level,
    note: [`负责：${input.handler}`, input.note].filter(Boolean).join('；'),
    set: () => ({ handler: input.handler }),
  }, now);
}

/** 办结: 办理中 → 已办结, with what was done. */
export function resolveRequest(ctx: ServiceContext, input: { id: string; resolution: string }, now: number): RequestDetail {
  return step(ctx, input.id, {
    step: 'resolve',
    note: input.resolution,
    set: () => ({ resolvedAt: now, resolvedBy: ctx.actor.name, resolution: input.resolution }),
  }, now);
}

/** 回访: 已办结 → 已回访, with the resident's satisfaction. */
export function revisitRequest(ctx: ServiceContext, input: { id: string; satisfaction: Satisfaction; note?: string | undefined }, now: number): RequestDetail {
  return step(ctx, input.id, {
    step: 'revisit',
    note: input.note || null,
    set: () => ({ revisitedAt: now, satisfaction: input.satisfaction, revisitNote: input.note || null }),
    audit: { satisfaction: input.satisfaction },
  }, now);
}
