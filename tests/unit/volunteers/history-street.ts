import { uuidv7 } from '../../../db/sync/ids';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

export const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2026, 12, 2, 10);

/**
 * A runtime of its own (closed by the caller through `runtime`) with a post on the 排班 board and
 * helpers that give people histories: duty-roster people, teams and memberships, shifts, hours.
 */
export async function street() {
  const t: TestRuntime = makeRuntime({ now: () => NOW });
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const count = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).pluck().get(...params) as number;
  /** A person on the duty roster only (no volunteer profile), as the staffing board keeps them. */
  const rosterPerson = (name: string, phone: string, idNumber: string | null) => {
    const id = uuidv7();
    sqlite
      .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source, skills, availability) VALUES (?, '0', 'test', ?, 'male', ?, ?, 'grid_worker', '["驾驶"]', ?)`)
      .run(id, name, phone, idNumber, JSON.stringify([0xff0000, 0, 0, 0, 0, 0, 0xffffff]));
    return id;
  };
  const team = (name: string) => {
    const id = uuidv7();
    sqlite.prepare(`INSERT INTO volunteer_teams (id, hlc, origin, name, kind, level, community_id) VALUES (?, '0', 'test', ?, '站岗执勤', 'community', ?)`).run(id, name, t.territory.community);
    return id;
  };
  const member = (teamId: string, personId: string, joinedOn: string) =>
    sqlite.prepare(`INSERT INTO team_members (id, hlc, origin, team_id, person_id, joined_on) VALUES (?, '0', 'test', ?, ?, ?)`).run(uuidv7(), teamId, personId, joinedOn);
  const post = await admin.call('staffing.savePost', { name: '东门卡口', kind: 'checkpoint', communityId: t.territory.community, gridId: t.territory.grid, staffNeeded: 3 });
  const shift = async (personId: string, date: string, from: number, to: number) => {
    const { id } = await admin.call('staffing.assign', { postId: post.id, templateId: post.templates[0]!.id, date, personId, overrideReason: '测试' });
    await admin.call('staffing.attend', { id, action: 'signIn', at: from });
    await admin.call('staffing.attend', { id, action: 'signOut', at: to });
  };
  const hours = (personId: string, date: string, h: number) => admin.call('serviceHours.add', { personId, activity: '入户排查', date, hours: h, confirmedBy: '社区书记' });
  return { t, sqlite, admin, count, rosterPerson, team, member, shift, hours, post };
}

