import type { PagedResult } from '../../electron/api/common';
import type { RosterFilter, VolunteerRow } from '../../electron/api/volunteers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { maskPhone, nameFor } from '../personal-data';
import { searchText } from '../search/text';
import { communityScope } from './scope';

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
}

export const ROSTER_COLUMNS = `v.id, v.person_id, p.name, p.gender, p.phone, v.kind, v.unit, v.community_id, c.name AS community_name, v.building, p.skills, v.status, v.briefing_at`;
export const ROSTER_FROM = `volunteer_profiles v JOIN people p ON p.id = v.person_id LEFT JOIN communities c ON c.id = v.community_id`;

/** The WHERE clause and its parameters of a roster filter, the actor's communities included. */
export function rosterWhere(ctx: ServiceContext, filter: RosterFilter): { where: string; params: unknown[] } {
  const parts = ['v.deleted = 0', 'p.deleted = 0'];
  const params: unknown[] = [];
  const scope = communityScope(ctx);
  if (scope) {
    parts.push(scope.length ? `v.community_id IN (${scope.map(() => '?').join(',')})` : '0');
    params.push(...scope);
  }
  const add = (sql: string, value: string | undefined) => {
    if (!value) return;
    parts.push(sql);
    params.push(value);
  };
  add('v.kind = ?', filter.kind);
  add('v.community_id = ?', filter.communityId);
  add('v.status = ?', filter.status);
  add('EXISTS (SELECT 1 FROM json_each(p.skills) WHERE value = ?)', filter.specialty);
  const q = filter.q ? searchText(filter.q) : null;
  if (q && q.text) {
    const tail = q.phoneTail && q.phoneTail.length === 4 ? q.phoneTail : null;
    if (tail) {
      parts.push(`p.phone LIKE ?`);
      params.push(`%${tail}`);
    } else {
      parts.push(`(instr(p.name, ?) > 0 OR v.initials LIKE ?)`);
      params.push(q.text, `${q.initials.replace(/[%_]/g, '')}%`);
    }
  }
  return { where: parts.join(' AND '), params };
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
  };
}

/**
 * One window of the roster (for a virtual list), in pinyin order of the names: filtered by kind,
 * community, specialty and status, searched by name, pinyin initials (zs → 张三) or the last four
 * digits of a phone. Phones are masked; a grid worker sees the communities of their grids.
 */
export function volunteerRoster(ctx: ServiceContext, input: RosterFilter & { offset: number; limit: number }): PagedResult<VolunteerRow> {
  authorize(ctx.actor, 'volunteers.read');
  const { where, params } = rosterWhere(ctx, input);
  const total = ctx.sqlite.prepare<unknown[], number>(`SELECT count(*) FROM ${ROSTER_FROM} WHERE ${where}`).pluck().get(...params) ?? 0;
  const rows = ctx.sqlite
    .prepare<unknown[], RosterRecord>(`SELECT ${ROSTER_COLUMNS} FROM ${ROSTER_FROM} WHERE ${where} ORDER BY v.initials, p.name, v.id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset);
  return { rows: rows.map((r) => toRow(ctx, r)), total };
}
