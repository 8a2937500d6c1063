import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../db/sync/ids';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const NOW = new Date(2026, 11, 2, 10).getTime();
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

async function street() {
  const t = (open = makeRuntime({ now: () => NOW }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const person = (name: string) => {
    const id = uuidv7();
    sqlite.prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, source, skills) VALUES (?, 'h', 'test', ?, 'male', '13800000000', 'volunteer', '[]')`).run(id, name);
    return id;
  };
  const [admin, staff, leader, worker] = await Promise.all([ROLE_USERS.admin, ROLE_USERS.staff, ROLE_USERS.leader, ROLE_USERS.grid_worker].map((u) => signIn(t.runtime, u)));
  return { t, sqlite, person, admin: admin!, staff: staff!, leader: leader!, worker: worker! };
}

describe('monthly recognition: 最美楼栋长 and 最美志愿者', () => {
  it('takes one vote per account, month and title, elects the most voted (ties all) and keeps the result', async () => {
    const { sqlite, person, admin, staff, leader, worker } = await street();
    const month = '2026-11';
    const a = await admin.call('recognition.nominate', { month, title: 'volunteer', personId: person('张三'), reason: '连续三周坚守卡口' });
    const b = await staff.call('recognition.nominate', { month, title: 'volunteer', personId: person('李四'), reason: '组织核酸检测秩序' });
    const c = await admin.call('recognition.nominate', { month, title: 'building_head', personId: person('王五'), reason: '楼栋排查不漏一户' });
    await leader.call('recognition.vote', { nominationId: a.id });
    await worker.call('recognition.vote', { nominationId: a.id });
    await admin.call('recognition.vote', { nominationId: b.id });
    await admin.call('recognition.vote', { nominationId: c.id });
    const twice = await leader.reply('recognition.vote', { nominationId: b.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'nominationId', message: '您已为 2026-11「最美志愿者」投过票，每个账号每月每项只能投一票' } });
    const again = await staff.reply('recognition.nominate', { month, title: 'volunteer', personId: a.personId, reason: '再次提名' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'personId', message: expect.stringMatching(/^张三 已被提名为 2026-11「最美志愿者」/) } });
    const analyst = await signIn(open!.runtime, ROLE_USERS.analyst);
    expect(await analyst.reply('recognition.vote', { nominationId: b.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const view = await leader.call('recognition.month', { month });
    expect(view).toMatchObject({ closed: false, myVotes: ['volunteer'] });
    expect(view.nominations.map((n) => [n.name, n.votes, n.votedByMe])).toEqual([
      ['王五', 1, false],
      ['张三', 2, true],
      ['李四', 1, false],
    ]);

    const closed = await admin.call('recognition.close', { month });
    expect(closed.closed).toBe(true);
    expect(closed.nominations.map((n) => [n.name, n.votes, n.elected])).toEqual([
      ['王五', 1, true],
      ['张三', 2, true],
      ['李四', 1, false],
    ]);
    expect(await worker.reply('recognition.vote', { nominationId: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^2026-11 的评选已结束/) } });
    expect(await admin.reply('recognition.close', { month })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'recognition.close'`).pluck().get()).toContain('最美志愿者：张三');
    // The kept votes stand even if a vote row arrived later from elsewhere.
    expect((await leader.call('recognition.month', { month })).nominations.find((n) => n.id === a.id)).toMatchObject({ votes: 2, elected: true });
  });

  it('refuses a month still to come and a month without nominations, writing nothing', async () => {
    const { sqlite, person, admin } = await street();
    const count = () => sqlite.prepare('SELECT (SELECT COUNT(*) FROM recognition_nominations) + (SELECT COUNT(*) FROM audit_log)').pluck().get();
    const before = count();
    expect(await admin.reply('recognition.nominate', { month: '2027-01', title: 'volunteer', personId: person('张三'), reason: '提前提名' })).toMatchObject({
      ok: false,
      error: { field: 'month', message: '2027-01 还没到，不能提名或投票' },
    });
    expect(await admin.reply('recognition.close', { month: '2026-10' })).toMatchObject({ ok: false, error: { field: 'month', message: '2026-10 没有任何提名，无需结束评选' } });
    expect(await admin.reply('recognition.nominate', { month: '2026-13', title: 'volunteer', personId: uuidv7(), reason: '好' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'month' } });
    expect(count()).toBe(before);
  });
});
