import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../../../db/sync/ids';
import { at, street as openStreet } from './history-street';
import { idNumberCheckChar } from '../../../db/validation/id-number';
import { ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const ID = (first17: string) => first17 + idNumberCheckChar(first17);
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());
async function street() {
  const s = await openStreet();
  open = s.t;
  return s;
}

/** Every table a merge may write, hashed row by row. */
const TOUCHED = ['people', 'volunteer_profiles', 'volunteer_status_changes', 'service_hours', 'shift_assignments', 'team_members', 'volunteer_teams', 'duty_assignments', 'recognition_nominations', 'recognition_votes', 'audit_log'];
function hash(sqlite: Database.Database): string {
  const h = createHash('sha256');
  for (const table of TOUCHED) for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) h.update(JSON.stringify(row));
  return h.digest('hex');
}

describe('merging two records of one person', () => {
  it('keeps the chosen fields, moves every history to the survivor, retires the other and audits both ids', async () => {
    const { t, sqlite, admin, count, rosterPerson, team, member, shift, hours } = await street();
    const idNumber = ID('37020219800101101');
    const { id: profileId } = await admin.call('volunteers.save', { name: '王建国', gender: 'male', phone: '13800001111', idNumber, kind: 'party', communityId: t.territory.community, skills: ['医护'] });
    const survivor = (await admin.call('volunteers.get', { id: profileId })).personId;
    await admin.call('volunteers.setStatus', { id: profileId, status: 'paused', reason: '外出两周' });
    // The same man on the duty roster, entered by another office with another phone.
    const other = rosterPerson('王建国', '13900002222', idNumber);
    await hours(survivor, '2026-11-10', 3);
    await hours(other, '2026-11-12', 4);
    await hours(other, '2026-11-13', 2.5);
    await shift(other, '2026-11-20', at(2026, 11, 20, 7), at(2026, 11, 20, 15));
    const patrol = team('东门巡逻队');
    const guard = team('北门执勤队');
    member(patrol, survivor, '2026-10-01');
    member(patrol, other, '2026-09-01');
    member(guard, other, '2026-11-01');
    sqlite.prepare(`UPDATE volunteer_teams SET leader_id = ? WHERE id = ?`).run(other, guard);
    const nomination = await admin.call('recognition.nominate', { month: '2026-11', title: 'volunteer', personId: other, reason: '坚守卡口一个月' });

    const totalBefore = (await admin.call('serviceHours.totals', { month: '2026-11' })).street.hours;
    const [pair, ...more] = await admin.call('volunteers.duplicates', {});
    expect(more).toEqual([]);
    expect(pair!.how).toBe('idNumber');
    expect(pair!.sides.map((s) => s.personId)).toEqual([survivor, other]);
    expect(pair!.sides[1]).toMatchObject({ profileId: null, phone: '139****2222', history: { hours: 2, shifts: 1, teams: 2, nominations: 1 } });
    expect(JSON.stringify(pair)).not.toContain(idNumber);

    const done = await admin.call('volunteers.mergeDuplicate', { survivorId: survivor, otherId: other, fromOther: ['phone', 'availability'] });
    expect(done).toMatchObject({ personId: survivor, profileId, moved: { service_hours: 2, shift_assignments: 1, team_members: 2, volunteer_teams: 1, recognition_nominations: 1 } });

    // One person remains, with the phone and availability of the other and the rest of their own.
    const page = await admin.call('volunteers.get', { id: profileId });
    expect(page).toMatchObject({ name: '王建国', phone: '139****2222', kind: 'party', status: 'paused', skills: ['医护'], availability: [0xff0000, 0, 0, 0, 0, 0, 0xffffff] });
    expect(page.history[0]).toMatchObject({ from: 'paused', to: 'paused', reason: '合并重复记录：并入「王建国」的记录' });
    expect(count(`SELECT count(*) FROM people WHERE deleted = 0 AND id_number = ?`, idNumber)).toBe(1);
    // The other is retired, not removed: tombstoned with where it went.
    expect(sqlite.prepare('SELECT deleted, merged_into FROM people WHERE id = ?').get(other)).toEqual({ deleted: 1, merged_into: survivor });
    for (const table of ['service_hours', 'shift_assignments', 'team_members', 'recognition_nominations']) {
      expect(count(`SELECT count(*) FROM ${table} WHERE person_id = ? AND deleted = 0`, other)).toBe(0);
    }
    expect(count(`SELECT count(*) FROM service_hours WHERE person_id = ? AND deleted = 0`, survivor)).toBe(3);
    expect(count(`SELECT count(*) FROM shift_assignments WHERE person_id = ? AND deleted = 0`, survivor)).toBe(1);
    // Both were in the patrol: one membership, from the earlier day; the guard team's moved with its leader.
    expect(sqlite.prepare(`SELECT team_id, joined_on FROM team_members WHERE person_id = ? AND deleted = 0 ORDER BY joined_on`).all(survivor)).toEqual([
      { team_id: patrol, joined_on: '2026-09-01' },
      { team_id: guard, joined_on: '2026-11-01' },
    ]);
    expect(sqlite.prepare('SELECT leader_id FROM volunteer_teams WHERE id = ?').pluck().get(guard)).toBe(survivor);
    expect(sqlite.prepare('SELECT person_id FROM recognition_nominations WHERE id = ?').pluck().get(nomination.id)).toBe(survivor);
    // The street's hours of the month are the same, now all on one person: 3 + 4 + 2.5 + 8.
    const totals = await admin.call('serviceHours.totals', { month: '2026-11' });
    expect(totals.street.hours).toBe(totalBefore);
    expect(totals.people.find((p) => p.personId === survivor)?.hours).toBe(17.5);
    expect(totals.people.some((p) => p.personId === other)).toBe(false);
    const audit = sqlite.prepare<unknown[], { target: string; detail: string }>(`SELECT target, detail FROM audit_log WHERE action = 'volunteers.merge_duplicate'`).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ survivorId: survivor, otherId: other, fromOther: ['phone', 'availability'] });
    expect(await admin.call('volunteers.duplicates', {})).toEqual([]);
  });

  it('moves a volunteer profile with its status history when only the other record is a volunteer', async () => {
    const { t, sqlite, admin, rosterPerson } = await street();
    const { id: profileId } = await admin.call('volunteers.save', { name: '李秀英', gender: 'female', phone: '13700003333', kind: 'women', communityId: t.territory.community, skills: [] });
    const volunteer = (await admin.call('volunteers.get', { id: profileId })).personId;
    await admin.call('volunteers.setStatus', { id: profileId, status: 'paused', reason: '住院' });
    const duty = rosterPerson('李秀英', '13700003333', null);
    sqlite.prepare(`UPDATE people SET gender = 'female' WHERE id = ?`).run(duty);
    const [pair] = await admin.call('volunteers.duplicates', { personId: duty });
    expect(pair).toMatchObject({ how: 'namePhone' });
    await admin.call('volunteers.mergeDuplicate', { survivorId: duty, otherId: volunteer, fromOther: [] });
    const page = await admin.call('volunteers.get', { id: profileId });
    expect(page.personId).toBe(duty);
    expect(page).toMatchObject({ kind: 'women', status: 'paused', skills: ['驾驶'] });
    expect(page.history.map((h) => h.reason)).toEqual(['合并重复记录：并入「李秀英」的记录', '住院', '登记为志愿者']);
  });

  it('refuses a person with themselves, two ID numbers, a gone record and a staged import aimed at them, writing nothing', async () => {
    const { t, sqlite, admin, rosterPerson } = await street();
    const { id: profileId } = await admin.call('volunteers.save', { name: '赵六', gender: 'male', phone: '13600004444', kind: 'public', skills: [] });
    const a = (await admin.call('volunteers.get', { id: profileId })).personId;
    const b = rosterPerson('赵六', '13600004444', null);
    const stranger = rosterPerson('赵六', '13600004444', ID('37020219800101101'));
    sqlite.prepare('UPDATE people SET id_number = ? WHERE id = ?').run(ID('37020219700101101'), a);
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const before = hash(sqlite);
    await expect(admin.call('volunteers.mergeDuplicate', { survivorId: a, otherId: a, fromOther: [] })).rejects.toThrow('不能把一个人与自己合并');
    await expect(admin.call('volunteers.mergeDuplicate', { survivorId: a, otherId: stranger, fromOther: [] })).rejects.toThrow('两条记录的身份证号不同');
    await expect(admin.call('volunteers.mergeDuplicate', { survivorId: a, otherId: uuidv7(), fromOther: [] })).rejects.toThrow('要合并的记录「并入的记录」找不到了');
    await expect(admin.call('volunteers.mergeDuplicate', { survivorId: a, otherId: b, fromOther: ['kind'] })).rejects.toThrow('「志愿者类型」只有保留的记录才有');
    // A staged sign-up sheet that would update 赵六: merging now would leave it aimed at a retired record.
    sqlite
      .prepare(`INSERT INTO import_runs (id, kind, file_id, file_name, sheets, headers, header_row, layout_hash, mapping, mapping_source, status, counts, created_by_id, created_by, created_at) VALUES ('run-1', 'volunteers', 'f', '十二月报名表.xlsx', '[]', '[]', 1, 'x', '{}', 'auto', 'ready', '{}', 'acc', '管理员', 1)`)
      .run();
    sqlite.prepare(`INSERT INTO import_rows (run_id, row_no, cells, outcome, value, problems) VALUES ('run-1', 7, '[]', 'update', ?, '[]')`).run(JSON.stringify({ name: '赵六', phone: '13600004444' }));
    await expect(admin.call('volunteers.mergeDuplicate', { survivorId: a, otherId: b, fromOther: [] })).rejects.toThrow('「赵六」被尚未应用的导入「十二月报名表.xlsx」第 7 行引用');
    await expect(worker.call('volunteers.mergeDuplicate', { survivorId: a, otherId: b, fromOther: [] })).rejects.toThrow();
    expect(hash(sqlite)).toBe(before);
  });

  it('rolls the whole merge back when a write fails half way', async () => {
    const { sqlite, admin, rosterPerson, hours } = await street();
    const { id: profileId } = await admin.call('volunteers.save', { name: '孙七', gender: 'male', phone: '13500005555', kind: 'public', skills: [] });
    const a = (await admin.call('volunteers.get', { id: profileId })).personId;
    const b = rosterPerson('孙七', '13500005555', null);
    await hours(b, '2026-11-12', 4);
    // The last write of a merge is the other's tombstone: make it fail after the histories moved.
    sqlite.exec(`CREATE TRIGGER no_retire BEFORE UPDATE OF deleted ON people WHEN NEW.deleted = 1 BEGIN SELECT RAISE(ABORT, '测试：不许退役'); END`);
    const before = hash(sqlite);
    await expect(admin.call('volunteers.mergeDuplicate', { survivorId: a, otherId: b, fromOther: [] })).rejects.toThrow();
    expect(hash(sqlite)).toBe(before);
    expect(sqlite.prepare('SELECT count(*) FROM service_hours WHERE person_id = ?').pluck().get(b)).toBe(1);
  });
});

