import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { nameFor } from '../personal-data';
import type { HoursTotals, MonthHours, PersonHours } from '../../electron/api/volunteer-service';
import { addMonths, monthRange, roundHours } from './month';
import { communityScope } from './scope';
import { activeThreshold } from './threshold';

/** One person's service in one community in a period: manual minutes, shift minutes (到岗 → 离岗), no-shows. */
export interface ServiceCell {
  personId: string;
  communityId: string | null;
  manualMinutes: number;
  shiftMs: number;
  noShows: number;
}

/**
 * What everyone served in a month, per person and community: manual entries of the ledger plus
 * the 排班 board's shifts from 到岗 to 离岗 (a night shift counts in the month it starts), read
 * from the assignments themselves; no-shows counted. Nothing is copied between the two.
 */
export function serviceCells(sqlite: Database.Database, month: string): ServiceCell[] {
  const { from, to, startMs, endMs } = monthRange(month);
  const cells = new Map<string, ServiceCell>();
  const cell = (personId: string, communityId: string | null) => {
    const key = `${personId}|${communityId ?? ''}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { personId, communityId, manualMinutes: 0, shiftMs: 0, noShows: 0 }));
    return c;
  };
  const manual = sqlite
    .prepare<unknown[], { person_id: string; community_id: string | null; minutes: number }>(
      `SELECT h.person_id, COALESCE(h.community_id, t.community_id) AS community_id, SUM(h.minutes) AS minutes
       FROM service_hours h LEFT JOIN volunteer_teams t ON t.id = h.team_id
       WHERE h.deleted = 0 AND h.date BETWEEN ? AND ? GROUP BY 1, 2`,
    )
    .all(from, to);
  for (const r of manual) cell(r.person_id, r.community_id).manualMinutes += r.minutes;
  // Grouped by post on the covering index; the few posts are mapped to their communities after.
  const shifts = sqlite
    .prepare<unknown[], { person_id: string; post_id: string; ms: number; no_shows: number }>(
      `SELECT a.person_id, a.post_id,
              SUM(CASE WHEN a.signed_in_at IS NOT NULL AND a.signed_out_at > a.signed_in_at THEN a.signed_out_at - a.signed_in_at ELSE 0 END) AS ms,
              SUM(a.no_show) AS no_shows
       FROM shift_assignments a
       WHERE a.starts_at >= ? AND a.starts_at < ? AND a.deleted = 0 AND (a.no_show = 1 OR a.signed_in_at IS NOT NULL)
       GROUP BY 1, 2`,
    )
    .all(startMs, endMs);
  const postCommunity = new Map(sqlite.prepare<unknown[], { id: string; community_id: string }>('SELECT id, community_id FROM duty_posts').all().map((p) => [p.id, p.community_id]));
  for (const r of shifts) {
    const c = cell(r.person_id, postCommunity.get(r.post_id) ?? null);
    c.shiftMs += r.ms;
    c.noShows += r.no_shows;
  }
  return [...cells.values()];
}

/** Hours per person in a month (all communities). */
export function hoursByPerson(cells: readonly ServiceCell[]): Map<string, { manualHours: number; shiftHours: number; hours: number; noShows: number }> {
  const out = new Map<string, { manualHours: number; shiftHours: number; hours: number; noShows: number }>();
  for (const c of cells) {
    const p = out.get(c.personId) ?? { manualHours: 0, shiftHours: 0, hours: 0, noShows: 0 };
    p.manualHours += c.manualMinutes / 60;
    p.shiftHours += c.shiftMs / 3_600_000;
    p.hours = p.manualHours + p.shiftHours;
    p.noShows += c.noShows;
    out.set(c.personId, p);
  }
  return out;
}

/** The people with at least the active threshold of hours in `month` (the roster's 本月活跃 filter). */
export function activeVolunteerIds(sqlite: Database.Database, month: string): Set<string> {
  const threshold = activeThreshold(sqlite);
  const ids = new Set<string>();
  for (const [id, p] of hoursByPerson(serviceCells(sqlite, month))) if (p.hours + 1e-9 >= threshold) ids.add(id);
  return ids;
}

interface PersonRow {
  id: string;
  name: string;
  source: string;
}

/**
 * `serviceHours.totals`: a month's hours per person, team and community, with the street's
 * six months before it. A grid worker counts only what was served in their grids' communities.
 */
export function hoursTotals(ctx: ServiceContext, input: { month: string }): HoursTotals {
  authorize(ctx.actor, 'hours.read');
  const { sqlite, actor } = ctx;
  const scope = communityScope(sqlite, actor);
  const inScope = (c: ServiceCell) => scope === null || (c.communityId !== null && scope.has(c.communityId));
  const threshold = activeThreshold(sqlite);
  const cells = serviceCells(sqlite, input.month).filter(inScope);
  const byPerson = hoursByPerson(cells);

  const ids = [...byPerson.keys()];
  const names = new Map<string, PersonRow>();
  const lookup = sqlite.prepare<unknown[], PersonRow>(`SELECT id, name, source FROM people WHERE id IN (SELECT value FROM json_each(?))`);
  for (const r of lookup.all(JSON.stringify(ids))) names.set(r.id, r);

  const people: PersonHours[] = ids
    .map((id) => {
      const p = byPerson.get(id)!;
      const row = names.get(id);
      return {
        personId: id,
        name: nameFor(actor, row?.name ?? '—'),
        source: row?.source ?? '',
        manualHours: roundHours(p.manualHours),
        shiftHours: roundHours(p.shiftHours),
        hours: roundHours(p.hours),
        noShows: p.noShows,
        active: p.hours + 1e-9 >= threshold,
      };
    })
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'zh-CN'));

  const communityNames = new Map(sqlite.prepare<unknown[], { id: string; name: string }>('SELECT id, name FROM communities WHERE deleted = 0').all().map((r) => [r.id, r.name]));
  const byCommunity = new Map<string | null, { hours: number; people: Set<string> }>();
  for (const c of cells) {
    const e = byCommunity.get(c.communityId) ?? { hours: 0, people: new Set<string>() };
    e.hours += c.manualMinutes / 60 + c.shiftMs / 3_600_000;
    if (c.manualMinutes > 0 || c.shiftMs > 0) e.people.add(c.personId);
    byCommunity.set(c.communityId, e);
  }
  const communities = [...byCommunity.entries()]
    .map(([communityId, e]) => ({ communityId, name: communityId ? (communityNames.get(communityId) ?? '—') : '未指定社区', hours: roundHours(e.hours), people: e.people.size }))
    .sort((a, b) => b.hours - a.hours);

  const { from, to } = monthRange(input.month);
  const members = sqlite
    .prepare<unknown[], { team_id: string; name: string; community_id: string | null; person_id: string | null }>(
      `SELECT t.id AS team_id, t.name, t.community_id, m.person_id
       FROM volunteer_teams t LEFT JOIN team_members m ON m.team_id = t.id AND m.deleted = 0 AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on >= ?)
       WHERE t.deleted = 0`,
    )
    .all(to, from);
  const teamMap = new Map<string, { teamId: string; name: string; communityName: string | null; members: number; hours: number; active: number }>();
  for (const r of members) {
    if (scope !== null && (r.community_id === null || !scope.has(r.community_id))) continue;
    let t = teamMap.get(r.team_id);
    if (!t) teamMap.set(r.team_id, (t = { teamId: r.team_id, name: r.name, communityName: r.community_id ? (communityNames.get(r.community_id) ?? null) : null, members: 0, hours: 0, active: 0 }));
    if (!r.person_id) continue;
    t.members += 1;
    const h = byPerson.get(r.person_id)?.hours ?? 0;
    t.hours += h;
    if (h + 1e-9 >= threshold) t.active += 1;
  }
  const teams = [...teamMap.values()].map((t) => ({ ...t, hours: roundHours(t.hours) })).sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'zh-CN'));

  const street = {
    hours: roundHours(people.reduce((s, p) => s + p.hours, 0)),
    people: people.filter((p) => p.hours > 0).length,
    active: people.filter((p) => p.active).length,
    noShows: people.reduce((s, p) => s + p.noShows, 0),
  };
  return { month: input.month, activeThreshold: threshold, street, people, teams, communities };
}

/** `serviceHours.months`: the street's (a grid worker: their communities') hours and active people for the six months up to `month`, oldest first. */
export function hoursByMonth(ctx: ServiceContext, input: { month: string }): MonthHours[] {
  authorize(ctx.actor, 'hours.read');
  const scope = communityScope(ctx.sqlite, ctx.actor);
  const threshold = activeThreshold(ctx.sqlite);
  const out: MonthHours[] = [];
  for (let k = 5; k >= 0; k--) {
    const month = addMonths(input.month, -k);
    const per = hoursByPerson(serviceCells(ctx.sqlite, month).filter((c) => scope === null || (c.communityId !== null && scope.has(c.communityId))));
    let hours = 0;
    let active = 0;
    for (const p of per.values()) {
      hours += p.hours;
      if (p.hours + 1e-9 >= threshold) active += 1;
    }
    out.push({ month, hours: roundHours(hours), active });
  }
  return out;
}
