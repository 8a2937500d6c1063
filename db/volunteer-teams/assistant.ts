import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { nameFor } from '../personal-data';
import { teamMembers, volunteerTeams } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { ageFromId, dayOf } from '../service-hours/month';
import type { TeamCandidate, TeamProposal, VolunteerTeam } from '../../electron/api/volunteer-service';
import { proposeGroups } from './grouping';
import { loadTeams, requireTeam, teamValues } from './teams';

interface PersonRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  id_number: string | null;
  skills: string;
  source: string;
  team_name: string | null;
}

const PERSON_SQL = `SELECT p.id, p.name, p.gender, p.id_number, p.skills, p.source,
    (SELECT t.name FROM team_members m JOIN volunteer_teams t ON t.id = m.team_id AND t.deleted = 0
      WHERE m.person_id = p.id AND m.deleted = 0 AND m.left_on IS NULL LIMIT 1) AS team_name
  FROM people p WHERE p.deleted = 0`;

const candidateOf = (ctx: ServiceContext, r: PersonRow, now: number): TeamCandidate => ({
  id: r.id,
  name: nameFor(ctx.actor, r.name),
  gender: r.gender,
  age: ageFromId(r.id_number, now),
  skills: JSON.parse(r.skills) as string[],
  source: r.source,
  teamName: r.team_name,
});

/**
 * `volunteerTeams.candidates`: the volunteers (people of origin 志愿者) and the people who already
 * serve in the community's teams, those without a team first.
 */
export function teamCandidates(ctx: ServiceContext, input: { communityId?: string | undefined }, now = Date.now()): TeamCandidate[] {
  authorize(ctx.actor, 'hours.edit');
  const rows = ctx.sqlite
    .prepare<unknown[], PersonRow>(
      `${PERSON_SQL} AND (p.source = 'volunteer' OR p.id IN (SELECT m.person_id FROM team_members m JOIN volunteer_teams t ON t.id = m.team_id
         WHERE m.deleted = 0 AND m.left_on IS NULL AND t.deleted = 0 AND (? IS NULL OR t.community_id = ?))) ORDER BY p.name`,
    )
    .all(input.communityId ?? null, input.communityId ?? null);
  return rows.map((r) => candidateOf(ctx, r, now)).sort((a, b) => Number(a.teamName !== null) - Number(b.teamName !== null));
}

function peopleByIds(sqlite: Database.Database, ids: readonly string[]): Map<string, PersonRow> {
  const rows = sqlite.prepare<unknown[], PersonRow>(`${PERSON_SQL} AND p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** `volunteerTeams.propose`: the assistant's proposal for the chosen people; nothing is written. */
export function proposeTeams(ctx: ServiceContext, input: { personIds: string[]; teams: number; namePrefix?: string | undefined }, now = Date.now()): TeamProposal {
  authorize(ctx.actor, 'hours.edit');
  const ids = [...new Set(input.personIds)];
  if (ids.length < input.teams) throw new ServiceError('INVALID_INPUT', 'volunteerService.tooFewPeople', { people: ids.length, teams: input.teams }, 'teams');
  const rows = peopleByIds(ctx.sqlite, ids);
  for (const id of ids) if (!rows.has(id)) throw new ServiceError('NOT_FOUND', 'volunteerService.personNotFound', {}, 'personIds');
  const people = ids.map((id) => candidateOf(ctx, rows.get(id)!, now));
  const byId = new Map(people.map((p) => [p.id, p]));
  const groups = proposeGroups(people, input.teams);
  const prefix = input.namePrefix?.trim() || '志愿者';
  const teams = groups.map((g, i) => ({ name: `${prefix}${i + 1}队`, members: g.map((id) => byId.get(id)!) }));
  const balance = teams.map((t) => {
    const ages = t.members.map((m) => m.age).filter((a): a is number => a !== null);
    const skills: Record<string, number> = {};
    for (const m of t.members) for (const s of m.skills) skills[s] = (skills[s] ?? 0) + 1;
    return {
      men: t.members.filter((m) => m.gender === 'male').length,
      women: t.members.filter((m) => m.gender === 'female').length,
      averageAge: ages.length ? Math.round(ages.reduce((s, a) => s + a, 0) / ages.length) : null,
      skills,
    };
  });
  return { teams, balance };
}

/**
 * `volunteerTeams.confirm`: the (adjusted) proposal becomes teams of the compound or community in
 * one transaction; a person already in a team of elsewhere is moved (the old membership ends today).
 * Each person may be in one of the new teams only.
 */
export function confirmTeams(
  ctx: ServiceContext,
  input: { communityId: string; compoundId?: string | null | undefined; kind: string; teams: { name: string; personIds: string[] }[] },
  now = Date.now(),
): VolunteerTeam[] {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  const today = dayOf(now);
  const ids = sqlite.transaction(() => {
    const all = input.teams.flatMap((t) => t.personIds);
    const rows = peopleByIds(sqlite, all);
    const seen = new Set<string>();
    for (const id of all) {
      const row = rows.get(id);
      if (!row) throw new ServiceError('NOT_FOUND', 'volunteerService.personNotFound', {}, 'teams');
      if (seen.has(id)) throw new ServiceError('INVALID_INPUT', 'volunteerService.personTwice', { name: row.name }, 'teams');
      seen.add(id);
    }
    const level = input.compoundId ? 'compound' : 'community';
    const made: string[] = [];
    for (const t of input.teams) {
      const values = teamValues(sqlite, { name: t.name, kind: input.kind, level, communityId: input.communityId, compoundId: input.compoundId ?? null });
      const teamId = insertRow(ctx, volunteerTeams, values).id;
      for (const personId of t.personIds) {
        endMemberships(ctx, personId, today);
        insertRow(ctx, teamMembers, { teamId, personId, joinedOn: today });
      }
      made.push(teamId);
    }
    appendAudit(sqlite, { actor: ctx.actor, action: 'teams.group', target: input.compoundId ?? input.communityId, detail: { teams: input.teams.length, people: all.length, kind: input.kind }, at: now });
    return made;
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  const byId = new Map(loadTeams(ctx, { ids }, now).map((team) => [team.id, team]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function endMemberships(ctx: ServiceContext, personId: string, today: string): void {
  for (const m of ctx.sqlite.prepare<unknown[], { id: string }>('SELECT id FROM team_members WHERE person_id = ? AND deleted = 0 AND left_on IS NULL').all(personId)) {
    updateRow(ctx, teamMembers, m.id, { leftOn: today });
  }
}

/** `volunteerTeams.moveMember`: to another team of the same community only; the old membership ends today. */
export function moveMember(ctx: ServiceContext, input: { memberId: string; toTeamId: string }, now = Date.now()): VolunteerTeam[] {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  const today = dayOf(now);
  const ids = sqlite.transaction(() => {
    const m = sqlite
      .prepare<unknown[], { id: string; team_id: string; person_id: string; name: string }>(
        'SELECT m.id, m.team_id, m.person_id, p.name FROM team_members m JOIN people p ON p.id = m.person_id WHERE m.id = ? AND m.deleted = 0 AND m.left_on IS NULL',
      )
      .get(input.memberId);
    if (!m) throw new ServiceError('NOT_FOUND', 'volunteerService.memberNotFound', {}, 'memberId');
    const from = requireTeam(sqlite, m.team_id, 'memberId');
    const to = requireTeam(sqlite, input.toTeamId, 'toTeamId');
    if (to.id === from.id) throw new ServiceError('CONFLICT', 'volunteerService.alreadyInTeam', { name: m.name, team: to.name }, 'toTeamId');
    if (to.community_id !== from.community_id) throw new ServiceError('INVALID_INPUT', 'volunteerService.otherCommunity', { team: to.name }, 'toTeamId');
    updateRow(ctx, teamMembers, m.id, { leftOn: today });
    insertRow(ctx, teamMembers, { teamId: to.id, personId: m.person_id, joinedOn: today });
    appendAudit(sqlite, { actor: ctx.actor, action: 'teams.move', target: m.person_id, detail: { name: m.name, from: from.name, to: to.name }, at: now });
    return [from.id, to.id];
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return loadTeams(ctx, { ids }, now);
}
