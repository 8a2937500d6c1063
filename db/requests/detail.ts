import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { RequestDetail, RequestEvent, Satisfaction } from '../../electron/api/requests';
import { ROW_COLUMNS, ROW_FROM, rowOf, type RowRecord } from './rows';

interface DetailRecord extends RowRecord {
  grid_id: string;
  description: string | null;
  household_id: string | null;
  room: string | null;
  reported_by: string;
  accepted_at: number | null;
  accepted_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: string | null;
  revisited_at: number | null;
  satisfaction: Satisfaction | null;
  revisit_note: string | null;
}

/** A request as stored, with its building's grid; NOT_FOUND (field `id`) when there is none. */
export function readRequest(ctx: ServiceContext, id: string): DetailRecord {
  const row = ctx.sqlite
    .prepare<unknown[], DetailRecord>(
      `SELECT ${ROW_COLUMNS}, r.grid_id, r.description, r.household_id, h.room, r.reported_by, r.accepted_at, r.accepted_by, r.resolved_at,
              r.resolved_by, r.resolution, r.revisited_at, r.satisfaction, r.revisit_note
         FROM ${ROW_FROM} LEFT JOIN households h ON h.id = r.household_id
        WHERE r.id = ? AND r.deleted = 0 AND b.deleted = 0`,
    )
    .get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'request.notFound', {}, 'id');
  return row;
}

function historyOf(ctx: ServiceContext, id: string): RequestEvent[] {
  return ctx.sqlite
    .prepare<unknown[], { id: string; at: number; action: RequestEvent['action']; actor: string; from_state: RequestEvent['fromState']; to_state: RequestEvent['toState']; note: string | null }>(
      'SELECT id, at, action, actor, from_state, to_state, note FROM request_events WHERE request_id = ? AND deleted = 0 ORDER BY at, id',
    )
    .all(id)
    .map((e) => ({ id: e.id, at: e.at, action: e.action, actor: e.actor, fromState: e.from_state, toState: e.to_state, note: e.note }));
}

export function detailOf(ctx: ServiceContext, row: DetailRecord, now: number): RequestDetail {
  return {
    ...rowOf(row, now),
    description: row.description,
    householdId: row.household_id,
    room: row.room,
    reportedBy: row.reported_by,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolution: row.resolution,
    revisitedAt: row.revisited_at,
    satisfaction: row.satisfaction,
    revisitNote: row.revisit_note,
    history: historyOf(ctx, row.id),
  };
}

/** `requests.get`: one request with its history, in the caller's grids. */
export function requestDetail(ctx: ServiceContext, input: { id: string }, now: number): RequestDetail {
  authorize(ctx.actor, 'requests.read');
  const row = readRequest(ctx, input.id);
  authorize(ctx.actor, 'requests.read', { gridId: row.grid_id });
  return detailOf(ctx, row, now);
}
