import { pinyin } from 'pinyin-pro';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { DutyOrigin, DutyPerson } from '../../electron/api/staffing';
import { rosterPeople } from './roster';
import { addDays, dayOf, dayStart, HOUR, weekStart } from './time';

const initialsCache = new Map<string, string>();

/** Pinyin initials of a name, lower case: 张三丰 → zsf. */
export function nameInitials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase();
    initialsCache.set(name, v);
  }
  return v;
}

/** The duty roster with each person's hours in the week of `weekOf` (default this week). */
export function dutyPeople(ctx: ServiceContext, input: { weekOf?: string | undefined }, now: number): DutyPerson[] {
  authorize(ctx.actor, 'staffing.read');
  const { sqlite } = ctx;
  const day = input.weekOf ?? dayOf(now);
  if (dayStart(day) === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: day }, 'weekOf');
  const monday = weekStart(day);
  const hours = new Map(
    sqlite
      .prepare<unknown[], { person_id: string; ms: number }>(
        'SELECT person_id, sum(ends_at - starts_at) AS ms FROM shift_assignments WHERE deleted = 0 AND starts_at >= ? AND starts_at < ? GROUP BY person_id',
      )
      .all(dayStart(monday), dayStart(addDays(monday, 7)))
      .map((r) => [r.person_id, r.ms]),
  );
  return rosterPeople(sqlite).map((p) => ({
    id: p.id,
    name: p.name,
    initials: nameInitials(p.name),
    origin: p.source as DutyOrigin,
    skills: p.skills,
    availability: p.availability,
    weekHours: Math.round(((hours.get(p.id) ?? 0) / HOUR) * 10) / 10,
  }));
}
