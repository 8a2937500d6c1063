import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../db/sync/ids';
import { dayStart } from '../../../db/staffing/time';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const DAY = '2026-12-02';
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

async function street(hour: number) {
  const t = (open = makeRuntime({ now: () => dayStart(DAY)! + hour * 3_600_000 }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const person = (name: string) => {
    const id = uuidv7();
    sqlite.prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, source) VALUES (?, 'h', 'test', ?, 'male', '13800000000', 'volunteer')`).run(id, name);
    return id;
  };
  const base = { kind: 'checkpoint', communityId: t.territory.community, gridId: t.territory.grid, staffNeeded: 2 };
  const east = await admin.call('staffing.savePost', { ...base, name: '东门卡口', point: [120.372, 36.062] });
  const west = await admin.call('staffing.savePost', { ...base, name: '西门卡口', point: [120.378, 36.068] });
  const patrol = await admin.call('staffing.savePost', { ...base, name: '沿街巡逻', kind: 'patrol', route: [[120.371, 36.061], [120.379, 36.069]] });
  await admin.call('staffing.savePost', { ...base, name: '无位置点位' });
  return { t, admin, person, east, west, patrol };
}

describe('posts on the map', () => {
  it('colours each placed post by the shift under way: covered, short, and a night shift of yesterday still running', async () => {
    const { admin, person, east, west, patrol } = await street(10);
    for (const name of ['甲', '乙']) await admin.call('staffing.assign', { postId: east.id, templateId: east.templates[0]!.id, date: DAY, personId: person(name) });
    const one = await admin.call('staffing.assign', { postId: west.id, templateId: west.templates[0]!.id, date: DAY, personId: person('丙') });
    await admin.call('staffing.attend', { id: one.id, action: 'signIn' });
    const posts = await admin.call('staffing.postsNow', {});
    expect(posts.map((p) => [p.name, p.state, p.shift?.name, p.shift?.filled, p.shift?.signedIn])).toEqual([
      ['东门卡口', 'covered', '早班', 2, 0],
      ['沿街巡逻', 'short', '早班', 0, 0],
      ['西门卡口', 'short', '早班', 1, 1],
    ]);
    expect(posts.find((p) => p.id === patrol.id)!.route).toHaveLength(2);
    expect(posts.find((p) => p.id === east.id)!.point).toEqual([120.372, 36.062]);
    // Changing a post without naming its place (as the page's form does) keeps it on the map.
    await admin.call('staffing.savePost', { id: east.id, name: '东门一号卡口', kind: 'checkpoint', gridId: east.gridId, staffNeeded: 3, skills: [] });
    const moved = (await admin.call('staffing.postsNow', {})).find((p) => p.id === east.id)!;
    expect(moved).toMatchObject({ name: '东门一号卡口', point: [120.372, 36.062], state: 'short', shift: { needed: 3, filled: 2 } });
  });

  it('at 03:00 the shift under way is the 夜班 that began the day before; a grid worker sees their grid only', async () => {
    const { t, admin, person, east } = await street(3);
    const yesterday = '2026-12-01';
    for (const name of ['丁', '戊']) await admin.call('staffing.assign', { postId: east.id, templateId: east.templates[2]!.id, date: yesterday, personId: person(name) });
    const posts = await admin.call('staffing.postsNow', {});
    expect(posts.find((p) => p.id === east.id)).toMatchObject({ state: 'covered', shift: { name: '夜班', filled: 2 } });
    await admin.call('staffing.savePost', { name: '外网格卡口', kind: 'checkpoint', communityId: t.territory.community, gridId: t.otherGrid.grid, staffNeeded: 2, point: [120.395, 36.065] });
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    expect((await worker.call('staffing.postsNow', {})).map((p) => p.name)).not.toContain('外网格卡口');
    expect((await admin.call('staffing.postsNow', {})).map((p) => p.name)).toContain('外网格卡口');
  });
});
