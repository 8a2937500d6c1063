import type { VolunteerDetail, VolunteerStatusChange } from '../../electron/api/volunteers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { maskIdNumber } from '../personal-data';
import { ROSTER_COLUMNS, ROSTER_FROM, toRow, type RosterRecord } from './roster';
import { requireInScope } from './scope';

/** A volunteer's page: the profile (phone and ID number masked) and the history of status changes, newest first. */
export function volunteerDetail(ctx: ServiceContext, input: { id: string }): VolunteerDetail {
  authorize(ctx.actor, 'volunteers.read');
  const r = ctx.sqlite
    .prepare<unknown[], RosterRecord & { id_number: string | null; birth_date: string | null; availability: string | null }>(
      `SELECT ${ROSTER_COLUMNS}, p.id_number, v.birth_date, p.availability FROM ${ROSTER_FROM} WHERE v.id = ? AND v.deleted = 0 AND p.deleted = 0`,
    )
    .get(input.id);
  if (!r) throw new ServiceError('NOT_FOUND', 'volunteer.notFound', {}, 'id');
  requireInScope(ctx, ctx.actor, r.community_id);
  const history = ctx.sqlite
    .prepare<unknown[], { id: string; from_status: VolunteerStatusChange['from']; to_status: VolunteerStatusChange['to']; reason: string; changed_by: string; changed_at: number }>(
      'SELECT id, from_status, to_status, reason, changed_by, changed_at FROM volunteer_status_changes WHERE profile_id = ? AND deleted = 0 ORDER BY changed_at DESC, id DESC',
    )
    .all(r.id)
    .map((h) => ({ id: h.id, from: h.from_status, to: h.to_status, reason: h.reason, changedBy: h.changed_by, changedAt: h.changed_at }));
  return {
    ...toRow(ctx, r),
    birthDate: r.birth_date,
    idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
    availability: r.availability ? (JSON.parse(r.availability) as number[]) : null,
    history,
  };
}
