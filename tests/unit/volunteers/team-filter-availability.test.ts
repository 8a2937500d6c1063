import { afterEach, describe, expect, it } from 'vitest';
import type { TestRuntime } from '../helpers/runtime';
import { street as openStreet } from './history-street';

let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());
async function street() {
  const s = await openStreet();
  open = s.t;
  return s;
}

describe('the roster’s team filter', () => {
  it('lists the members of a team now, with their teams in a column, and the team among the options', async () => {
    const { t, sqlite, admin, team, member } = await street();
    const save = async (name: string, phone: string) => {
      const { id } = await admin.call('volunteers.save', { name, gender: 'male', phone, kind: 'public', communityId: t.territory.community, skills: [] });
      return { id, personId: (await admin.call('volunteers.get', { id })).personId };
    };
    const a = await save('张三', '13800000001');
    const b = await save('李四', '13800000002');
    await save('王五', '13800000003');
    const patrol = team('东门巡逻队');
    const guard = team('北门执勤队');
    member(patrol, a.personId, '2026-10-01');
    member(guard, a.personId, '2026-10-01');
    member(patrol, b.personId, '2026-10-01');
    sqlite.prepare(`UPDATE team_members SET left_on = '2026-11-01' WHERE person_id = ?`).run(b.personId);
    const roster = await admin.call('volunteers.roster', { teamId: patrol });
    expect(roster.rows.map((r) => r.name)).toEqual(['张三']);
    expect(roster.rows[0]!.teams.sort()).toEqual(['东门巡逻队', '北门执勤队'].sort());
    expect((await admin.call('volunteers.roster', { teamId: patrol, q: 'ls' })).total).toBe(0);
    expect((await admin.call('volunteers.get', { id: b.id })).teams).toEqual([]);
    expect((await admin.call('volunteers.options', {})).teams.map((x) => x.name)).toEqual(expect.arrayContaining(['东门巡逻队', '北门执勤队']));
  });
});

describe('weekly availability on the profile', () => {
  it('is written on the person, where the 排班 rule reads it', async () => {
    const { t, admin, post } = await street();
    const { id } = await admin.call('volunteers.save', { name: '周八', gender: 'male', phone: '13800000008', kind: 'public', communityId: t.territory.community, skills: [] });
    const personId = (await admin.call('volunteers.get', { id })).personId;
    const rules = async () => (await admin.call('staffing.check', { postId: post.id, templateId: post.templates[0]!.id, date: '2026-11-30', personId })).map((r) => r.rule);
    // Nothing declared: any time.
    expect(await rules()).not.toContain('availability');
    // Monday evenings only (18–24): the Monday early shift (07–15) is outside it.
    const evenings = [0xfc0000, 0, 0, 0, 0, 0, 0];
    await admin.call('volunteers.save', { id, name: '周八', gender: 'male', kind: 'public', communityId: t.territory.community, skills: [], availability: evenings });
    expect((await admin.call('volunteers.get', { id })).availability).toEqual(evenings);
    expect(await rules()).toContain('availability');
    await admin.call('volunteers.save', { id, name: '周八', gender: 'male', kind: 'public', communityId: t.territory.community, skills: [], availability: [0xffffff, 0, 0, 0, 0, 0, 0] });
    expect(await rules()).not.toContain('availability');
  });
});
