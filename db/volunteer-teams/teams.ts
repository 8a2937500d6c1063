import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { nameFor } from '../personal-data';
import { volunteerTeams, teamMembers } from '../schema';
import { insertRow, tombstoneRow, updateRow } from '../sync/write';
import { ageFromId } from '../service-hours/month';
import { communityScope } from '../service-hours/scope';
import type { TeamLevelKey, TeamMember, TeamPlace, VolunteerTeam } from '../../electron/api/volunteer-service';

export const LEVEL_WORDS: Record<TeamLevelKey, string> = { street: '街道', community: '社区', compound: '小区', post: '卡口' };
/** Who may head a team of each level: a shock team's chain street → community → checkpoint post; a compound team hangs under its community's team. */
const PARENT_LEVEL: Record<TeamLevelKey, TeamLevelKey | null> = { street: null, community: 'street', compound: 'community', post: 'community' };

interface TeamRow {
  id: string;
  name: string;
  kind: string;
  level: TeamLevelKey;
  parent_id: string | null;
  community_id: string | null;
  community_name: string | null;
  compound_id: string | null;
  compound_name: string | null;
  post_id: string | null;
  post_name: string | null;
  leader_id: string | null;
  leader_name: string | null;
}

const TEAM_SQL = `SELECT t.id, t.name, t.kind, t.level, t.parent_id, t.community_id, c.name AS community_name, t.compound_id, cp.name AS compound_name,
       t.post_id, dp.name AS post_name, t.leader_id, l.name AS leader_name
  FROM volunteer_teams t LEFT JOIN communities c ON c.id = t.community_id LEFT JOIN compounds cp ON cp.id = t.compound_id
  LEFT JOIN duty_posts dp ON dp.id = t.post_id LEFT JOIN people l ON l.id = t.leader_id
  WHERE t.deleted = 0`;

/** Current members of teams, by team. */
function membersOf(sqlite: Database.Database, ids: readonly string[], actor: ServiceContext['actor'], now: number): Map<string, TeamMember[]> {
  const rows = sqlite
    .prepare<unknown[], { id: string; team_id: string; person_id: string; name: string; gender: 'male' | 'female'; id_number: string | null; skills: string; joined_on: string }>(
      `SELECT m.id, m.team_id, m.person_id, p.name, p.gender, p.id_number, p.skills, m.joined_on
       FROM team_members m JOIN people p ON p.id = m.person_id
       WHERE m.deleted = 0 AND m.left_on IS NULL AND m.team_id IN (SELECT value FROM json_each(?)) ORDER BY p.name`,
    )
    .all(JSON.stringify(ids));
  const out = new Map<string, TeamMember[]>();
  for (const r of rows) {
    const list = out.get(r.team_id) ?? [];
    list.push({ memberId: r.id, personId: r.person_id, name: nameFor(actor, r.name), gender: r.gender, age: ageFromId(r.id_number, now), skills: JSON.parse(r.skills) as string[], joinedOn: r.joined_on });
    out.set(r.team_id, list);
  }
  return out;
}

/** Teams (with members) as the contract has them, optionally only some ids. */
export function loadTeams(ctx: ServiceContext, filter: { communityId?: string | undefined; ids?: readonly string[] } = {}, now = Date.now()): VolunteerTeam[] {
  const { sqlite, actor } = ctx;
  const scope = communityScope(sqlite, actor);
  let rows = sqlite.prepare<unknown[], TeamRow>(`${TEAM_SQL} ORDER BY c.name, t.level, t.name`).all();
  if (filter.ids) {
    const want = new Set(filter.ids);
    rows = rows.filter((r) => want.has(r.id));
  }
  if (filter.communityId) rows = rows.filter((r) => r.community_id === filter.communityId);
  if (scope !== null) rows = rows.filter((r) => r.community_id !== null && scope.has(r.community_id));
  const members = membersOf(sqlite, rows.map((r) => r.id), actor, now);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    level: r.level,
    parentId: r.parent_id,
    communityId: r.community_id,
    communityName: r.community_name,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    postId: r.post_id,
    postName: r.post_name,
    leaderId: r.leader_id,
    leaderName: r.leader_name === null ? null : nameFor(actor, r.leader_name),
    members: members.get(r.id) ?? [],
  }));
}

export function listTeams(ctx: ServiceContext, input: { communityId?: string | undefined }, now = Date.now()): VolunteerTeam[] {
  authorize(ctx.actor, 'hours.read');
  return loadTeams(ctx, input, now);
}

/** `volunteerTeams.places`: communities in the caller's scope with their compounds, by name. */
export function teamPlaces(ctx: ServiceContext): TeamPlace[] {
  authorize(ctx.actor, 'hours.read');
  const scope = communityScope(ctx.sqlite, ctx.actor);
  const rows = ctx.sqlite
    .prepare<unknown[], { cid: string; cname: string; id: string | null; name: string | null }>(
      `SELECT c.id AS cid, c.name AS cname, cp.id, cp.name FROM communities c
       LEFT JOIN grids g ON g.community_id = c.id AND g.deleted = 0 LEFT JOIN compounds cp ON cp.grid_id = g.id AND cp.deleted = 0
       WHERE c.deleted = 0 ORDER BY c.code, cp.name`,
    )
    .all();
  const out = new Map<string, TeamPlace>();
  for (const r of rows) {
    if (scope !== null && !scope.has(r.cid)) continue;
    let c = out.get(r.cid);
    if (!c) out.set(r.cid, (c = { id: r.cid, name: r.cname, compounds: [] }));
    if (r.id && r.name !== null) c.compounds.push({ id: r.id, name: r.name });
  }
  return [...out.values()];
}

export function requireTeam(sqlite: Database.Database, id: string, field = 'id'): TeamRow {
  const row = sqlite.prepare<unknown[], TeamRow>(`${TEAM_SQL} AND t.id = ?`).get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'volunteerService.teamNotFound', {}, field);
  return row;
}

export interface TeamInput {
  id?: string | undefined;
  name: string;
  kind: string;
  level: TeamLevelKey;
  parentId?: string | null | undefined;
  communityId?: string | null | undefined;
  compoundId?: string | null | undefined;
  postId?: string | null | undefined;
  leaderId?: string | null | undefined;
}

/** Checks a team's place (community, compound in it, post in it) and parent; returns the values to write. */
export function teamValues(sqlite: Database.Database, input: TeamInput) {
  const level = input.level;
  let communityId = input.communityId ?? null;
  const compoundId = level === 'compound' ? (input.compoundId ?? null) : null;
  const postId = level === 'post' ? (input.postId ?? null) : null;
  if (postId) {
    const post = sqlite.prepare<unknown[], { community_id: string }>('SELECT community_id FROM duty_posts WHERE id = ? AND deleted = 0').get(postId);
    if (!post) throw new ServiceError('NOT_FOUND', 'volunteerService.placeNotFound', { place: '卡口点位' }, 'postId');
    communityId ??= post.community_id;
  }
  if (level !== 'street' && !communityId) throw new ServiceError('INVALID_INPUT', 'volunteerService.levelNeedsPlace', { level: LEVEL_WORDS[level], place: '社区' }, 'communityId');
  if (level === 'compound' && !compoundId) throw new ServiceError('INVALID_INPUT', 'volunteerService.levelNeedsPlace', { level: LEVEL_WORDS[level], place: '小区' }, 'compoundId');
  if (level === 'post' && !postId) throw new ServiceError('INVALID_INPUT', 'volunteerService.levelNeedsPlace', { level: LEVEL_WORDS[level], place: '卡口点位' }, 'postId');
  if (level === 'street') communityId = null;
  if (communityId && !sqlite.prepare('SELECT 1 FROM communities WHERE id = ? AND deleted = 0').get(communityId)) {
    throw new ServiceError('NOT_FOUND', 'volunteerService.placeNotFound', { place: '社区' }, 'communityId');
  }
  if (compoundId) {
    const cp = sqlite.prepare<unknown[], { name: string; community_id: string }>('SELECT cp.name, g.community_id FROM compounds cp JOIN grids g ON g.id = cp.grid_id WHERE cp.id = ? AND cp.deleted = 0').get(compoundId);
    if (!cp) throw new ServiceError('NOT_FOUND', 'volunteerService.placeNotFound', { place: '小区' }, 'compoundId');
    if (cp.community_id !== communityId) throw new ServiceError('INVALID_INPUT', 'volunteerService.compoundOutside', { compound: cp.name }, 'compoundId');
  }
  const parentId = input.parentId ?? null;
  if (parentId) {
    const parent = requireTeam(sqlite, parentId, 'parentId');
    const wanted = PARENT_LEVEL[level];
    if (parent.id === input.id || parent.level !== wanted || (wanted === 'community' && parent.community_id !== communityId)) {
      throw new ServiceError('INVALID_INPUT', 'volunteerService.badParent', { parent: parent.name, level: LEVEL_WORDS[level] }, 'parentId');
    }
  }
  const leaderId = input.leaderId ?? null;
  if (leaderId && !sqlite.prepare('SELECT 1 FROM people WHERE id = ? AND deleted = 0').get(leaderId)) throw new ServiceError('NOT_FOUND', 'volunteerService.personNotFound', {}, 'leaderId');
  return { name: input.name, kind: input.kind, level, parentId, communityId, compoundId, postId, leaderId };
}

/** `volunteerTeams.save`: creates or changes a team; audited. */
export function saveTeam(ctx: ServiceContext, input: TeamInput, now = Date.now()): VolunteerTeam {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  const id = sqlite.transaction(() => {
    const values = teamValues(sqlite, input);
    let teamId = input.id;
    if (teamId) {
      requireTeam(sqlite, teamId);
      updateRow(ctx, volunteerTeams, teamId, values);
    } else teamId = insertRow(ctx, volunteerTeams, values).id;
    appendAudit(sqlite, { actor: ctx.actor, action: input.id ? 'teams.update' : 'teams.create', target: teamId, detail: { name: values.name, kind: values.kind, level: values.level }, at: now });
    return teamId;
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return loadTeams(ctx, { ids: [id] }, now)[0]!;
}

/** `volunteerTeams.delete`: the team and its memberships are tombstoned; teams under it lose their parent. */
export function deleteTeam(ctx: ServiceContext, input: { id: string }, now = Date.now()): { id: string } {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  sqlite.transaction(() => {
    const team = requireTeam(sqlite, input.id);
    const members = sqlite.prepare<unknown[], { id: string }>('SELECT id FROM team_members WHERE team_id = ? AND deleted = 0').all(input.id);
    for (const m of members) tombstoneRow(ctx, teamMembers, m.id);
    for (const c of sqlite.prepare<unknown[], { id: string }>('SELECT id FROM volunteer_teams WHERE parent_id = ? AND deleted = 0').all(input.id)) updateRow(ctx, volunteerTeams, c.id, { parentId: null });
    tombstoneRow(ctx, volunteerTeams, input.id);
    appendAudit(sqlite, { actor: ctx.actor, action: 'teams.delete', target: input.id, detail: { name: team.name, members: members.length }, at: now });
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return { id: input.id };
}
