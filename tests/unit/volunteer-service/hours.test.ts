import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../../../db/sync/ids';
import { activeVolunteerIds } from '../../../db/service-hours/totals';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2026, 12, 2, 10);
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

async function street() {
  const t = (open = makeRuntime({ now: () => NOW }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const person = (name: string, idNumber: string | null = null) => {
    const id = uuidv7();
    sqlite
      .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source, skills) VALUES (?, 'h', 'test', ?, 'female', '13800000000', ?, 'volunteer', '[]')`)
      .run(id, name, idNumber);
    return id;
  };
  const post = await admin.call('staffing.savePost', { name: '东门卡口', kind: 'checkpoint', communityId: t.territory.community, gridId: t.territory.grid, staffNeeded: 3 });
  const [early, , night] = post.templates;
  /** A shift on the board with 到岗/离岗 written as the board's attend would. */
  const shift = async (personId: string, date: string, template: 'early' | 'night', signIn?: number, signOut?: number | 'noShow') => {
    const { id } = await admin.call('staffing.assign', { postId: post.id, templateId: (template === 'early' ? early : night)!.id, date, personId, overrideReason: '测试' });
    if (signOut === 'noShow') await admin.call('staffing.attend', { id, action: 'noShow' });
    else if (signIn !== undefined) {
      await admin.call('staffing.attend', { id, action: 'signIn', at: signIn });
      if (signOut !== undefined) await admin.call('staffing.attend', { id, action: 'signOut', at: signOut });
    }
    return id;
  };
  return { t, sqlite, admin, person, shift };
}

const TABLES = ['service_hours', 'volunteer_teams', 'team_members', 'audit_log'];
function hash(sqlite: Database.Database): string {
  const h = createHash('sha256');
  for (const table of TABLES) for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) h.update(JSON.stringify(row));
  return h.digest('hex');
}

describe('service hours: the ledger and the 排班 board together', () => {
  it('counts a night shift from 到岗 to 离岗 across midnight in the month it starts, manual entries beside it, and no-shows apart', async () => {
    const { t, sqlite, admin, person, shift } = await street();
    const li = person('李梅');
    await shift(li, '2026-11-30', 'night', at(2026, 11, 30, 23, 10), at(2026, 12, 1, 7, 0));
    await shift(li, '2026-11-20', 'early', undefined, 'noShow');
    await shift(li, '2026-11-21', 'early', at(2026, 11, 21, 7));
    await admin.call('serviceHours.add', { personId: li, activity: '入户排查', date: '2026-11-12', hours: 2.5, confirmedBy: '王书记', communityId: t.territory.community });

    const nov = await admin.call('serviceHours.totals', { month: '2026-11' });
    const row = nov.people.find((p) => p.personId === li)!;
    expect(row).toMatchObject({ name: '李梅', shiftHours: 7.8, manualHours: 2.5, hours: 10.3, noShows: 1, active: true });
    expect(nov.street).toMatchObject({ hours: 10.3, people: 1, active: 1, noShows: 1 });
    expect(nov.communities).toEqual([{ communityId: expect.any(String), name: '永安西里社区', hours: 10.3, people: 1 }]);
    const dec = await admin.call('serviceHours.totals', { month: '2026-12' });
    expect(dec.people.find((p) => p.personId === li)).toBeUndefined();
    expect((await admin.call('serviceHours.months', { month: '2026-12' })).map((m) => [m.month, m.hours])).toEqual([['2026-07', 0], ['2026-08', 0], ['2026-09', 0], ['2026-10', 0], ['2026-11', 10.3], ['2026-12', 0]]);

    const detail = await admin.call('serviceHours.person', { personId: li, from: '2026-11-01', to: '2026-11-30' });
    expect(detail.entries.map((e) => [e.date, e.kind, e.hours, e.noShow])).toEqual([
      ['2026-11-12', 'manual', 2.5, false],
      ['2026-11-20', 'shift', 0, true],
      ['2026-11-21', 'shift', 0, false],
      ['2026-11-30', 'shift', 7.8, false],
    ]);
    expect(sqlite.prepare('SELECT COUNT(*) FROM service_hours').pluck().get()).toBe(1);
  });

  it('counts a volunteer active from the threshold (8 h by default), which the administrator may change', async () => {
    const { sqlite, admin, person } = await street();
    const [a, b] = [person('赵一'), person('钱二')];
    await admin.call('serviceHours.add', { personId: a, activity: '卡口值守', date: '2026-11-03', hours: 8, confirmedBy: '王书记' });
    await admin.call('serviceHours.add', { personId: b, activity: '卡口值守', date: '2026-11-03', hours: 7.5, confirmedBy: '王书记' });
    expect(activeVolunteerIds(sqlite, '2026-11')).toEqual(new Set([a]));
    expect((await admin.call('serviceHours.totals', { month: '2026-11' })).activeThreshold).toBe(8);
    await admin.call('serviceHours.setThreshold', { hours: 7 });
    expect(activeVolunteerIds(sqlite, '2026-11')).toEqual(new Set([a, b]));
    const staff = await signIn(open!.runtime, ROLE_USERS.staff);
    expect(await staff.reply('serviceHours.setThreshold', { hours: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(activeVolunteerIds(sqlite, '2026-10')).toEqual(new Set());
  });

  it('refuses bad entries with a Chinese message naming the field, and writes nothing', async () => {
    const { sqlite, admin, person, shift } = await street();
    const li = person('李梅');
    await shift(li, '2026-11-10', 'early', at(2026, 11, 10, 7), at(2026, 11, 10, 15));
    const base = { personId: li, activity: '入户排查', date: '2026-11-10', confirmedBy: '王书记' };
    const before = hash(sqlite);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, hours: -2 }, 'hours', /时长必须大于 0 小时/],
      [{ ...base, hours: 25 }, 'hours', /一天的时长不能超过 24 小时/],
      [{ ...base, hours: 17 }, 'hours', /^李梅 在 2026-11-10 已登记 8 小时，再加 17 小时就超过一天 24 小时/],
      [{ ...base, date: '2026-12-03', hours: 2 }, 'date', /^服务日期「2026-12-03」还没到/],
      [{ ...base, date: '2026-02-30', hours: 2 }, 'date', /^日期「2026-02-30」不存在/],
      [{ ...base, activity: ' ', hours: 2 }, 'activity', /请填写服务内容/],
      [{ ...base, confirmedBy: '', hours: 2 }, 'confirmedBy', /请填写确认人/],
      [{ ...base, personId: uuidv7(), hours: 2 }, 'personId', /^找不到所选的人员/],
    ];
    for (const [input, field, message] of cases) {
      const answer = await admin.sendUntyped('serviceHours.add', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { field, message: expect.stringMatching(message) } });
    }
    expect(hash(sqlite)).toBe(before);
    expect(await admin.call('serviceHours.add', { ...base, hours: 16 })).toMatchObject({ id: expect.any(String) });
  });

  it('removes a manual entry as a tombstone, audited, and the totals follow', async () => {
    const { sqlite, admin, person } = await street();
    const li = person('李梅');
    const { id } = await admin.call('serviceHours.add', { personId: li, activity: '入户排查', date: '2026-11-12', hours: 3, confirmedBy: '王书记' });
    await admin.call('serviceHours.remove', { id });
    expect((await admin.call('serviceHours.totals', { month: '2026-11' })).street.hours).toBe(0);
    expect(sqlite.prepare('SELECT deleted FROM service_hours WHERE id = ?').pluck().get(id)).toBe(1);
    expect(sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'hours.%' ORDER BY seq`).pluck().all()).toEqual(['hours.add', 'hours.remove']);
  });

  it('gives a team the hours of its members, counts hours where the person’s team is unless told, and a leader reads but does not edit', async () => {
    const { t, admin, person } = await street();
    const [a, b] = [person('赵一'), person('钱二')];
    const [team] = await admin.call('volunteerTeams.confirm', { communityId: t.territory.community, compoundId: t.territory.compound, kind: '站岗执勤', teams: [{ name: '26号院执勤队', personIds: [a, b] }] });
    await admin.call('serviceHours.add', { personId: a, activity: '卡口值守', date: '2026-12-01', hours: 4, confirmedBy: '王书记', teamId: team!.id });
    await admin.call('serviceHours.add', { personId: b, activity: '卡口值守', date: '2026-12-01', hours: 5, confirmedBy: '王书记' });
    await admin.call('serviceHours.add', { personId: person('孙三'), activity: '政策宣传', date: '2026-12-01', hours: 2, confirmedBy: '王书记' });
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    const totals = await leader.call('serviceHours.totals', { month: '2026-12' });
    expect(totals.teams).toEqual([{ teamId: team!.id, name: '26号院执勤队', communityName: '永安西里社区', members: 2, hours: 9, active: 0 }]);
    expect(totals.communities.map((c) => [c.name, c.hours])).toEqual([['永安西里社区', 9], ['未指定社区', 2]]);
    expect(await leader.reply('serviceHours.add', { personId: a, activity: 'x', date: '2026-12-01', hours: 1, confirmedBy: '王' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
