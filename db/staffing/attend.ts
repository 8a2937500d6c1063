import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { shiftAssignments } from '../schema';
import { tombstoneRow, updateRow } from '../sync/write';
import type { BoardPerson, StaffingRule } from '../../electron/api/staffing';

interface AssignmentRow {
  id: string;
  post_id: string;
  grid_id: string | null;
  post_name: string;
  date: string;
  person_id: string;
  name: string;
  signed_in_at: number | null;
  signed_out_at: number | null;
  no_show: number;
  overridden: string;
  override_reason: string | null;
}

function requireAssignment(sqlite: Database.Database, id: string): AssignmentRow {
  const row = sqlite
    .prepare<unknown[], AssignmentRow>(
      `SELECT a.id, a.post_id, p.grid_id, p.name AS post_name, a.date, a.person_id, pe.name, a.signed_in_at, a.signed_out_at, a.no_show, a.overridden, a.override_reason
       FROM shift_assignments a JOIN duty_posts p ON p.id = a.post_id JOIN people pe ON pe.id = a.person_id WHERE a.id = ? AND a.deleted = 0`,
    )
    .get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'staffing.assignmentNotFound', {}, 'id');
  return row;
}

const personOf = (r: AssignmentRow): BoardPerson => ({
  assignmentId: r.id,
  personId: r.person_id,
  name: r.name,
  signedInAt: r.signed_in_at,
  signedOutAt: r.signed_out_at,
  noShow: r.no_show === 1,
  overridden: JSON.parse(r.overridden) as StaffingRule[],
  overrideReason: r.override_reason,
});

/** Takes a person off a shift (the row is tombstoned); audited. */
export function unassignShift(ctx: ServiceContext, input: { id: string }): { id: string } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  sqlite.transaction(() => {
    const a = requireAssignment(sqlite, input.id);
    tombstoneRow(ctx, shiftAssignments, a.id);
    appendAudit(sqlite, { actor: ctx.actor, action: 'staffing.unassign', target: a.id, detail: { post: a.post_name, date: a.date, personId: a.person_id } });
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return { id: input.id };
}

export type AttendAction = 'signIn' | 'signOut' | 'noShow' | 'clear';

/** 到岗, 离岗, 未到岗, or undoing them: by the duty officer, or a grid worker for the posts of their grids. */
export function attend(ctx: ServiceContext, input: { id: string; action: AttendAction; at?: number | undefined }, now: number): BoardPerson {
  authorize(ctx.actor, 'staffing.attend');
  const { sqlite } = ctx;
  const at = input.at ?? now;
  const row = sqlite.transaction(() => {
    const a = requireAssignment(sqlite, input.id);
    authorize(ctx.actor, 'staffing.attend', { gridId: a.grid_id ?? '' });
    let changes: { signedInAt?: number | null; signedOutAt?: number | null; noShow?: boolean };
    if (input.action === 'signIn') changes = { signedInAt: at, signedOutAt: null, noShow: false };
    else if (input.action === 'signOut') {
      if (a.signed_in_at === null || at < a.signed_in_at) throw new ServiceError('CONFLICT', 'staffing.signOutBeforeSignIn', {}, input.at === undefined ? 'action' : 'at');
      changes = { signedOutAt: at };
    } else if (input.action === 'noShow') changes = { signedInAt: null, signedOutAt: null, noShow: true };
    else changes = { signedInAt: null, signedOutAt: null, noShow: false };
    updateRow(ctx, shiftAssignments, a.id, changes);
    appendAudit(sqlite, { actor: ctx.actor, action: `staffing.attend.${input.action === 'signIn' ? 'sign_in' : input.action === 'signOut' ? 'sign_out' : input.action === 'noShow' ? 'no_show' : 'clear'}`, target: a.id, detail: { post: a.post_name, date: a.date, personId: a.person_id, at } });
    return requireAssignment(sqlite, a.id);
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return personOf(row);
}
