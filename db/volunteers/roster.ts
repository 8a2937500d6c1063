import type { PagedResult } from '../../electron/api/common';
import type { RosterFilter, VolunteerRow } from '../../electron/api/volunteers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { maskPhone, nameFor } from '../personal-data';
import { searchText } from '../search/text';
import { cachedStatement } from '../sync/statements';
import { communityScope } from './scope';
import { activeVolunteerIds } from '../service-hours/totals';
import { monthOf } from '../service-hours/month';

export interface RosterRecord {
  id: string;
  person_id: string;
  name: string;
  gender: 'male' | 'female';
  phone: string;
  kind: VolunteerRow['kind'];
  unit: string | null;
  community_id: string | null;
  community_name: string | null;
  building: string | null;
  skills: string;
  status: VolunteerRow['status'];
  briefing_at: number | null;
  team_names: string | null;
}

/** The teams a volunteer is in now (memberships not ended), by the person index of `team_members`. */
const TEAM_NAMES = `(SELECT group_concat(t.name, '、') FROM team_members m JOIN volunteer_teams t ON t.id = m.team_id AND t.deleted = 0 WHERE m.person_id = v.person_id AND m.left_on IS NULL AND m.deleted = 0) AS team_names`;

export const ROSTER_COLUMNS = `v.id, v.person_id, p.name, p.gender, p.phone, v.kind, v.unit, v.community_id, c.name AS community_name, v.building, p.skills, v.status, v.briefing_at, ${TEAM_NAMES}`;
export const ROSTER_FROM = `volunteer_profiles v JOIN people p ON p.id = v.person_id LEFT JOIN communities c ON c.id = v.community_id`;

/** The roster's rows of the profiles `ids` selects (a subquery), in roster order. */
export function rosterSelect(ids: string): string {
  return `SELECT ${ROSTER_COLUMNS} FROM ${ROSTER_FROM} WHERE v.id IN (${ids}) ORDER BY v.initials, v.id`;
}

/**
 * The profiles a roster filter selects, as `FROM … WHERE …` and its parameters, the actor's
 * communities included. People are joined only when the filter reads them (search, specialty), so a
 * plain window walks the `(initials, id)` index alone. The search is one of: pinyin initials (letters:
 * a range of that index), the last four digits of a phone (the expression index on people), or the
 * start of the name (a range of the name index). `narrow`: the filter selects by more than the
 * actor's scope.
 */
export function rosterWhere(ctx: ServiceContext, filter: RosterFilter, now: number): { from: string; params: unknown[]; narrow: boolean } {
  const parts = ['v.deleted = 0'];
  const params: unknown[] = [];
  let people = false;
  const scope = communityScope(ctx);
  if (scope) {
    parts.push(scope.length ? `v.community_id IN (${scope.map(() => '?').join(',')})` : '0');
    params.push(...scope);
  }
  const scoped = parts.length;
  const add = (sql: string, value: string | undefined) => {
    if (!value) return;
    parts.push(sql);
    params.push(value);
  };
  add('v.kind = ?', filter.kind);
  add('v.community_id = ?', filter.communityId);
  add('v.status = ?', filter.status);
  add('v.person_id IN (SELECT person_id FROM team_members WHERE team_id = ? AND left_on IS NULL AND deleted = 0)', filter.teamId);
  if (filter.active !== undefined) {
    parts.push(`v.person_id ${filter.active ? 'IN' : 'NOT IN'} (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify([...activeVolunteerIds(ctx.sqlite, monthOf(now))]));
  }
  if (filter.specialty) {
    // skills is a JSON array of strings: the quoted name matches one element exactly.
    add('instr(p.skills, ?) > 0', JSON.stringify(filter.specialty));
    people = true;
  }
  const q = filter.q ? searchText(filter.q) : null;
  if (q && q.text) {
    if (/^[a-z]+$/.test(q.initials)) {
      parts.push('v.initials >= ? AND v.initials < ?');
      params.push(q.initials, `${q.initials}{`);
    } else if (q.phoneTail && q.phoneTail.length === 4) {
      add('substr(p.phone, -4) = ?', q.phoneTail);
      people = true;
    } else {
      const name = q.text.replace(/\s+/g, '');
      parts.push('p.name >= ? AND p.name < ?');
      params.push(name, `${name}\uffff`);
      people = true;
    }
  }
  const narrow = parts.length > scoped;
  if (people) parts.push('p.deleted = 0');
  return { from: `volunteer_profiles v${people ? ' JOIN people p ON p.id = v.person_id' : ''} WHERE ${parts.join(' AND ')}`, params, narrow };
}

export function toRow(ctx: ServiceContext, r: RosterRecord): VolunteerRow {
  return {
    id: r.id,
    personId: r.person_id,
    name: nameFor(ctx.actor, r.name),
    gender: r.gender,
    phone: maskPhone(r.phone),
    kind: r.kind,
    unit: r.unit,
    communityId: r.community_id,
    communityName: r.community_name,
    building: r.building,
    skills: JSON.parse(r.skills) as string[],
    status: r.status,
    briefingAt: r.briefing_at,
    teams: r.team_names ? r.team_names.split('、') : [],
  };
}

/**
 * One window of the roster (for a virtual list), in pinyin order of the names: filtered by kind,
 * community, team (members now), specialty, status and activity this month, searched by name, pinyin initials (zs → 张三) or the last four
 * digits of a phone. Phones are masked; a grid worker sees the communities of their grids.
 */
export function volunteerRoster(ctx: ServiceContext, input: RosterFilter & { offset: number; limit: number }, now: number): PagedResult<VolunteerRow> {
  authorize(ctx.actor, 'volunteers.read');
  const { from, params, narrow } = rosterWhere(ctx, input, now);
  let total: number;
  let rows: RosterRecord[];
  if (narrow) {
    // One pass finds what the filter selects (by the best index for it, not the initials index:
    // `+` keeps the planner off it); sorted here, counted, and the window's rows read by id.
    const found = cachedStatement(ctx.sqlite, `SELECT v.id AS id, v.initials AS initials FROM ${from.replace('WHERE v.deleted = 0', 'WHERE +v.deleted = 0')}`).all(...params) as { id: string; initials: string }[];
    found.sort((a, b) => (a.initials < b.initials ? -1 : a.initials > b.initials ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    total = found.length;
    const ids = found.slice(input.offset, input.offset + input.limit).map((f) => f.id);
    rows = cachedStatement(ctx.sqlite, rosterSelect('SELECT value FROM json_each(?)')).all(JSON.stringify(ids)) as RosterRecord[];
  } else {
    total = (cachedStatement(ctx.sqlite, `SELECT count(*) AS n FROM ${from}`).get(...params) as { n: number }).n;
    rows = cachedStatement(ctx.sqlite, rosterSelect(`SELECT v.id FROM ${from} ORDER BY v.initials, v.id LIMIT ? OFFSET ?`)).all(...params, input.limit, input.offset) as RosterRecord[];
  }
  return { rows: rows.map((r) => toRow(ctx, r)), total };
}
