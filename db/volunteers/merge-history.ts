import type { ServiceContext } from '../context';
import {
  dutyAssignments,
  recognitionNominations,
  recognitionVotes,
  serviceHours,
  shiftAssignments,
  teamMembers,
  volunteerProfiles,
  volunteerStatusChanges,
  volunteerTeams,
} from '../schema';
import { cachedStatement } from '../sync/statements';
import { tombstoneRow, updateRow } from '../sync/write';

/** Every column that points at a person (`people.id`), with the table written through. */
const PERSON_REFERENCES = [
  { name: 'service_hours', table: serviceHours, column: 'person_id', key: 'personId' },
  { name: 'shift_assignments', table: shiftAssignments, column: 'person_id', key: 'personId' },
  { name: 'duty_assignments', table: dutyAssignments, column: 'person_id', key: 'personId' },
  { name: 'volunteer_teams', table: volunteerTeams, column: 'leader_id', key: 'leaderId' },
] as const;

const ids = (ctx: ServiceContext, sql: string, ...params: unknown[]) => cachedStatement(ctx.sqlite, sql).pluck().all(...params) as string[];

interface Pair {
  survivor: string;
  other: string;
  survivorProfile: string | null;
  otherProfile: string | null;
}

/** Team memberships: one still open in a team the survivor is also in ends into the survivor's, which keeps the earlier start. */
function moveMemberships(ctx: ServiceContext, p: Pair): number {
  const rows = cachedStatement(ctx.sqlite, 'SELECT id, team_id, joined_on, left_on FROM team_members WHERE person_id = ? AND deleted = 0').all(p.other) as {
    id: string;
    team_id: string;
    joined_on: string;
    left_on: string | null;
  }[];
  for (const r of rows) {
    const open = r.left_on === null
      ? (cachedStatement(ctx.sqlite, 'SELECT id, joined_on FROM team_members WHERE person_id = ? AND team_id = ? AND left_on IS NULL AND deleted = 0').get(p.survivor, r.team_id) as { id: string; joined_on: string } | undefined)
      : undefined;
    if (open) {
      if (r.joined_on < open.joined_on) updateRow(ctx, teamMembers, open.id, { joinedOn: r.joined_on });
      tombstoneRow(ctx, teamMembers, r.id);
    } else updateRow(ctx, teamMembers, r.id, { personId: p.survivor });
  }
  return rows.length;
}

/** Nominations: one for a month and title the survivor is nominated for too gives its votes to the survivor's. */
function moveNominations(ctx: ServiceContext, p: Pair): number {
  const rows = cachedStatement(ctx.sqlite, 'SELECT id, month, title, votes, elected FROM recognition_nominations WHERE person_id = ? AND deleted = 0').all(p.other) as {
    id: string;
    month: string;
    title: 'building_head' | 'volunteer';
    votes: number | null;
    elected: number | null;
  }[];
  for (const r of rows) {
    const same = cachedStatement(ctx.sqlite, 'SELECT id, votes, elected FROM recognition_nominations WHERE person_id = ? AND month = ? AND title = ? AND deleted = 0').get(p.survivor, r.month, r.title) as
      | { id: string; votes: number | null; elected: number | null }
      | undefined;
    if (!same) {
      updateRow(ctx, recognitionNominations, r.id, { personId: p.survivor });
      continue;
    }
    for (const vote of ids(ctx, 'SELECT id FROM recognition_votes WHERE nomination_id = ? AND deleted = 0', r.id)) updateRow(ctx, recognitionVotes, vote, { nominationId: same.id });
    if (r.votes !== null || same.votes !== null) {
      updateRow(ctx, recognitionNominations, same.id, { votes: (same.votes ?? 0) + (r.votes ?? 0), elected: Boolean(same.elected) || Boolean(r.elected) });
    }
    tombstoneRow(ctx, recognitionNominations, r.id);
  }
  return rows.length;
}

/**
 * Moves every history of `other` to `survivor` inside the caller's transaction: manual hours, shifts,
 * duties and teams led point at the survivor; memberships and nominations too, folded into the
 * survivor's own where both have one; the other profile's status changes join the survivor's profile
 * and that profile is tombstoned. Returns the rows moved per table.
 */
export function moveHistories(ctx: ServiceContext, p: Pair): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const ref of PERSON_REFERENCES) {
    const rows = ids(ctx, `SELECT id FROM ${ref.name} WHERE ${ref.column} = ? AND deleted = 0`, p.other);
    for (const id of rows) updateRow(ctx, ref.table, id, { [ref.key]: p.survivor } as never);
    moved[ref.name] = rows.length;
  }
  moved.team_members = moveMemberships(ctx, p);
  moved.recognition_nominations = moveNominations(ctx, p);
  moved.volunteer_status_changes = 0;
  if (p.survivorProfile && p.otherProfile) {
    const changes = ids(ctx, 'SELECT id FROM volunteer_status_changes WHERE profile_id = ? AND deleted = 0', p.otherProfile);
    for (const id of changes) updateRow(ctx, volunteerStatusChanges, id, { profileId: p.survivorProfile });
    moved.volunteer_status_changes = changes.length;
    tombstoneRow(ctx, volunteerProfiles, p.otherProfile);
  }
  return moved;
}
