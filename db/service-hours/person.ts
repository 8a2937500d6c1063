import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize } from '../auth/permissions';
import type { Actor } from '../auth/roles';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { maskIdNumber, nameFor } from '../personal-data';
import type { HoursEntry, PersonHoursDetail } from '../../electron/api/volunteer-service';
import { dayStartMs, isDay, roundHours } from './month';
import { communityScope } from './scope';

const SHIFT_KIND_WORDS: Record<string, string> = { checkpoint: '卡口执勤', testing: '核酸检测点服务', vanguard: '党员先锋岗', patrol: '巡逻', screening: '信息排查' };

/** A person's entries from `from` to `to` (inclusive), oldest first: manual ones and shifts with 到岗/离岗 or 未到岗. */
export function personEntries(sqlite: Database.Database, personId: string, from: string, to: string, scope: Set<string> | null = null): HoursEntry[] {
  const inScope = (c: string | null) => scope === null || (c !== null && scope.has(c));
  const manual = sqlite
    .prepare<unknown[], { id: string; date: string; activity: string; minutes: number; confirmed_by: string; community_id: string | null; community: string | null }>(
      `SELECT h.id, h.date, h.activity, h.minutes, h.confirmed_by, COALESCE(h.community_id, t.community_id) AS community_id, c.name AS community
       FROM service_hours h LEFT JOIN volunteer_teams t ON t.id = h.team_id LEFT JOIN communities c ON c.id = COALESCE(h.community_id, t.community_id)
       WHERE h.deleted = 0 AND h.person_id = ? AND h.date BETWEEN ? AND ?`,
    )
    .all(personId, from, to);
  const end = dayStartMs(to) + 86_400_000;
  const shifts = sqlite
    .prepare<unknown[], { id: string; date: string; post: string; kind: string; community_id: string; community: string; signed_in_at: number | null; signed_out_at: number | null; no_show: number }>(
      `SELECT a.id, a.date, p.name AS post, p.kind, p.community_id, c.name AS community, a.signed_in_at, a.signed_out_at, a.no_show
       FROM shift_assignments a JOIN duty_posts p ON p.id = a.post_id JOIN communities c ON c.id = p.community_id
       WHERE a.deleted = 0 AND a.person_id = ? AND a.starts_at >= ? AND a.starts_at < ? AND (a.no_show = 1 OR a.signed_in_at IS NOT NULL)`,
    )
    .all(personId, dayStartMs(from), end);
  const entries: HoursEntry[] = [
    ...manual.filter((m) => inScope(m.community_id)).map((m) => ({ id: m.id, kind: 'manual' as const, date: m.date, activity: m.activity, hours: roundHours(m.minutes / 60), confirmedBy: m.confirmed_by, communityName: m.community, noShow: false })),
    ...shifts
      .filter((s) => inScope(s.community_id))
      .map((s) => ({
        id: s.id,
        kind: 'shift' as const,
        date: s.date,
        activity: `${s.post}（${SHIFT_KIND_WORDS[s.kind] ?? s.kind}）`,
        hours: s.signed_in_at !== null && s.signed_out_at !== null && s.signed_out_at > s.signed_in_at ? roundHours((s.signed_out_at - s.signed_in_at) / 3_600_000) : 0,
        confirmedBy: null,
        communityName: s.community,
        noShow: s.no_show === 1,
      })),
  ];
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.activity.localeCompare(b.activity, 'zh-CN'));
}

export function checkPeriod(from: string, to: string): void {
  if (!isDay(from)) throw new ServiceError('INVALID_INPUT', 'volunteerService.badDate', { date: from }, 'from');
  if (!isDay(to)) throw new ServiceError('INVALID_INPUT', 'volunteerService.badDate', { date: to }, 'to');
  if (from > to) throw new ServiceError('INVALID_INPUT', 'volunteerService.badPeriod', { from, to }, 'to');
}

/** The person's name and ID number as `actor` may see them (the ID always masked: a certificate shows it so). */
export function personIdentity(sqlite: Database.Database, actor: Actor, personId: string): { name: string; realName: string; idNumber: string | null } {
  const p = sqlite.prepare<unknown[], { name: string; id_number: string | null }>('SELECT name, id_number FROM people WHERE id = ? AND deleted = 0').get(personId);
  if (!p) throw new ServiceError('NOT_FOUND', 'volunteerService.personNotFound', {}, 'personId');
  return { name: nameFor(actor, p.name), realName: p.name, idNumber: p.id_number ? maskIdNumber(p.id_number) : null };
}

/** `serviceHours.person`: one person's hours in a period; a grid worker sees what was served in their grids' communities. */
export function personHours(ctx: ServiceContext, input: { personId: string; from: string; to: string }): PersonHoursDetail {
  authorize(ctx.actor, 'hours.read');
  checkPeriod(input.from, input.to);
  const who = personIdentity(ctx.sqlite, ctx.actor, input.personId);
  const entries = personEntries(ctx.sqlite, input.personId, input.from, input.to, communityScope(ctx.sqlite, ctx.actor));
  return {
    personId: input.personId,
    name: who.name,
    idNumber: who.idNumber,
    from: input.from,
    to: input.to,
    hours: roundHours(entries.reduce((s, e) => s + e.hours, 0)),
    noShows: entries.filter((e) => e.noShow).length,
    entries,
  };
}
