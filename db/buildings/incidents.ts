import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { buildingIncidents } from '../schema';
import { uuidv7 } from '../sync/ids';
import { insertRow, updateRow } from '../sync/write';
import { buildingGridOf } from './scope';
import type { BuildingIncident } from '../../electron/api/buildings';

export const INCIDENT_COLUMNS = 'id, title, detail, reported_by, reported_at, handler, fixed_at, fix_note';

export interface IncidentRow {
  id: string;
  title: string;
  detail: string | null;
  reported_by: string;
  reported_at: number;
  handler: string | null;
  fixed_at: number | null;
  fix_note: string | null;
}

export function incidentOf(r: IncidentRow): BuildingIncident {
  return {
    id: r.id,
    title: r.title,
    detail: r.detail,
    reportedBy: r.reported_by,
    reportedAt: r.reported_at,
    handler: r.handler,
    fixedAt: r.fixed_at,
    fixNote: r.fix_note,
  };
}

/** A client clock a little ahead of ours is not "the future". */
const CLOCK_SLACK_MS = 60_000;

function readIncident(ctx: ServiceContext, id: string): IncidentRow & { building_id: string } {
  const row = ctx.sqlite.prepare<unknown[], IncidentRow & { building_id: string }>(`SELECT ${INCIDENT_COLUMNS}, building_id FROM building_incidents WHERE id = ? AND deleted = 0`).get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'incident.notFound', {}, 'id');
  return row;
}

export interface AddIncidentInput {
  buildingId: string;
  title: string;
  detail?: string;
  handler?: string;
  reportedAt?: number;
}

/** Records an incident at a building, reported by the caller (now, or earlier when given). */
export function addIncident(ctx: ServiceContext, input: AddIncidentInput, now = Date.now()): BuildingIncident {
  authorize(ctx.actor, 'buildings.edit');
  const gridId = buildingGridOf(ctx, input.buildingId, 'buildingId');
  authorize(ctx.actor, 'buildings.edit', { gridId });
  const reportedAt = input.reportedAt ?? now;
  if (reportedAt > now + CLOCK_SLACK_MS) throw new ServiceError('INVALID_INPUT', 'incident.reportedInFuture', {}, 'reportedAt');
  const id = uuidv7();
  ctx.sqlite.transaction(() => {
    insertRow(ctx, buildingIncidents, {
      buildingId: input.buildingId, title: input.title, detail: input.detail || null, reportedBy: ctx.actor.name, reportedAt, handler: input.handler || null,
    }, { id });
  })();
  ctx.emit('data.changed', { domains: ['buildings'] });
  return incidentOf(readIncident(ctx, id));
}

export interface UpdateIncidentInput {
  id: string;
  handler?: string;
  fixedAt?: number | null;
  fixNote?: string;
}

/** Sets who handles an incident, or when it was fixed and how (null reopens it). */
export function updateIncident(ctx: ServiceContext, input: UpdateIncidentInput, now = Date.now()): BuildingIncident {
  authorize(ctx.actor, 'buildings.edit');
  if (input.handler === undefined && input.fixedAt === undefined && input.fixNote === undefined) {
    throw new ServiceError('INVALID_INPUT', 'incident.nothingToChange', {}, 'handler');
  }
  const incident = readIncident(ctx, input.id);
  authorize(ctx.actor, 'buildings.edit', { gridId: buildingGridOf(ctx, incident.building_id, 'id') });
  if (input.fixedAt != null) {
    if (input.fixedAt < incident.reported_at) throw new ServiceError('INVALID_INPUT', 'incident.fixedBeforeReported', {}, 'fixedAt');
    if (input.fixedAt > now + CLOCK_SLACK_MS) throw new ServiceError('INVALID_INPUT', 'incident.fixedInFuture', {}, 'fixedAt');
  }
  const handler = input.handler === undefined ? incident.handler : input.handler || null;
  const fixedAt = input.fixedAt === undefined ? incident.fixed_at : input.fixedAt;
  const fixNote = input.fixNote === undefined ? incident.fix_note : input.fixNote || null;
  ctx.sqlite.transaction(() => {
    updateRow(ctx, buildingIncidents, incident.id, { handler, fixedAt, fixNote });
  })();
  ctx.emit('data.changed', { domains: ['buildings'] });
  return incidentOf(readIncident(ctx, incident.id));
}
