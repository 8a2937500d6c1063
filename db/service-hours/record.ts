import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { serviceHours } from '../schema';
import { insertRow, tombstoneRow } from '../sync/write';
import { dayOf, isDay, roundHours } from './month';

export interface HoursInput {
  personId: string;
  activity: string;
  date: string;
  hours: number;
  confirmedBy: string;
  note?: string | undefined;
  teamId?: string | null | undefined;
  communityId?: string | null | undefined;
}

/**
 * `serviceHours.add`: a manual entry of the ledger. Refused, naming the field, for a day that does
 * not exist or is still to come, hours not above 0, or a day whose hours (manual and on the 排班
 * board) would pass 24; nothing is written then.
 */
export function addHours(ctx: ServiceContext, input: HoursInput, now: number): { id: string } {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  if (!isDay(input.date)) throw new ServiceError('INVALID_INPUT', 'volunteerService.badDate', { date: input.date }, 'date');
  if (input.date > dayOf(now)) throw new ServiceError('INVALID_INPUT', 'volunteerService.futureDate', { date: input.date }, 'date');
  if (!(input.hours > 0) || input.hours > 24) throw new ServiceError('INVALID_INPUT', 'volunteerService.dayOver24', { name: '', date: input.date, had: 0, hours: input.hours }, 'hours');
  const minutes = Math.round(input.hours * 60);
  const id = sqlite.transaction(() => {
    const person = sqlite.prepare<unknown[], { name: string }>('SELECT name FROM people WHERE id = ? AND deleted = 0').get(input.personId);
    if (!person) throw new ServiceError('NOT_FOUND', 'volunteerService.personNotFound', {}, 'personId');
    let communityId = input.communityId ?? null;
    if (input.teamId) {
      const team = sqlite.prepare<unknown[], { community_id: string | null }>('SELECT community_id FROM volunteer_teams WHERE id = ? AND deleted = 0').get(input.teamId);
      if (!team) throw new ServiceError('NOT_FOUND', 'volunteerService.teamNotFound', {}, 'teamId');
      communityId ??= team.community_id;
    }
    // Without a team or community given, the hours count where the person's team is.
    communityId ??=
      sqlite
        .prepare<unknown[], string>(
          `SELECT t.community_id FROM team_members m JOIN volunteer_teams t ON t.id = m.team_id AND t.deleted = 0
           WHERE m.person_id = ? AND m.deleted = 0 AND m.left_on IS NULL AND t.community_id IS NOT NULL ORDER BY m.joined_on DESC LIMIT 1`,
        )
        .pluck()
        .get(input.personId) ?? null;
    if (communityId && !sqlite.prepare('SELECT 1 FROM communities WHERE id = ? AND deleted = 0').get(communityId)) {
      throw new ServiceError('NOT_FOUND', 'volunteerService.placeNotFound', { place: '社区' }, 'communityId');
    }
    const had = minutesOnDay(ctx, input.personId, input.date);
    if (had + minutes > 24 * 60) {
      throw new ServiceError('INVALID_INPUT', 'volunteerService.dayOver24', { name: person.name, date: input.date, had: roundHours(had / 60), hours: input.hours }, 'hours');
    }
    const row = insertRow(ctx, serviceHours, {
      personId: input.personId,
      activity: input.activity,
      date: input.date,
      minutes,
      confirmedBy: input.confirmedBy,
      note: input.note || null,
      teamId: input.teamId ?? null,
      communityId,
      enteredBy: ctx.actor.name,
    });
    appendAudit(sqlite, { actor: ctx.actor, action: 'hours.add', target: row.id, detail: { name: person.name, date: input.date, hours: input.hours, activity: input.activity }, at: now });
    return row.id;
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return { id };
}

/** Minutes a person already has on a day: manual entries and shifts starting that day, 到岗 → 离岗. */
function minutesOnDay(ctx: ServiceContext, personId: string, date: string): number {
  const manual = ctx.sqlite.prepare<unknown[], { m: number | null }>('SELECT SUM(minutes) AS m FROM service_hours WHERE deleted = 0 AND person_id = ? AND date = ?').get(personId, date)?.m ?? 0;
  const shift =
    ctx.sqlite
      .prepare<unknown[], { ms: number | null }>(
        `SELECT SUM(signed_out_at - signed_in_at) AS ms FROM shift_assignments
         WHERE deleted = 0 AND person_id = ? AND date = ? AND signed_in_at IS NOT NULL AND signed_out_at > signed_in_at`,
      )
      .get(personId, date)?.ms ?? 0;
  return manual + shift / 60_000;
}

/** `serviceHours.remove`: a manual entry is tombstoned; audited. */
export function removeHours(ctx: ServiceContext, input: { id: string }, now: number): { id: string } {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  sqlite.transaction(() => {
    const row = sqlite
      .prepare<unknown[], { name: string; date: string; minutes: number; activity: string }>(
        'SELECT p.name, h.date, h.minutes, h.activity FROM service_hours h JOIN people p ON p.id = h.person_id WHERE h.id = ? AND h.deleted = 0',
      )
      .get(input.id);
    if (!row) throw new ServiceError('NOT_FOUND', 'volunteerService.entryNotFound', {}, 'id');
    tombstoneRow(ctx, serviceHours, input.id);
    appendAudit(sqlite, { actor: ctx.actor, action: 'hours.remove', target: input.id, detail: { name: row.name, date: row.date, hours: roundHours(row.minutes / 60), activity: row.activity }, at: now });
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return { id: input.id };
}
