import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
const inGrid = '01900000-0000-7000-8000-0000000000d1';
const elsewhere = '01900000-0000-7000-8000-0000000000d2';

beforeEach(() => {
  t = makeRuntime();
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const household = sqlite.prepare(
    `INSERT INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, 'h', 'test', ?, ?, 'registered')`,
  );
  const resident = sqlite.prepare(
    `INSERT INTO residents (id, hlc, origin, household_id, building_id, name, gender, birth_year, id_number, phone, relation, registration)
     VALUES (?, 'h', 'test', ?, ?, ?, 'male', 1958, ?, ?, 'head', 'registered')`,
  );
  household.run('01900000-0000-7000-8000-0000000000e1', t.territory.buildings[0], '1单元101');
  household.run('01900000-0000-7000-8000-0000000000e2', t.otherGrid.building, '2单元202');
  resident.run(inGrid, '01900000-0000-7000-8000-0000000000e1', t.territory.buildings[0], '刘国庆', '370202195810011238', '13705321234');
  resident.run(elsewhere, '01900000-0000-7000-8000-0000000000e2', t.otherGrid.building, '孙立平', '370202195805051235', null);
});
afterEach(() => t.runtime.close());

describe('revealing a resident’s personal data', () => {
  it('shows the value to staff and audits it as a resident reveal without the value', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    expect(await staff.call('people.reveal', { personId: inGrid, field: 'phone', reason: '联系送药' })).toMatchObject({ value: '13705321234' });
    const admin = await signIn(t.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'resident.reveal', limit: 5 });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ target: inGrid, detail: { field: 'phone', reason: '联系送药' } });
    expect(JSON.stringify(log.entries)).not.toContain('13705321234');
  });

  it('limits a grid worker to the residents of their grids', async () => {
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    expect(await worker.call('people.reveal', { personId: inGrid, field: 'idNumber', reason: '核实身份' })).toMatchObject({ value: '370202195810011238' });
    expect(await worker.reply('people.reveal', { personId: elsewhere, field: 'idNumber', reason: '核实身份' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('says so when the resident has no phone on record, and refuses the leader', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    expect(await staff.reply('people.reveal', { personId: elsewhere, field: 'phone', reason: '联系家属' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'field', message: '该人员没有登记电话' },
    });
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    expect(await leader.reply('people.reveal', { personId: inGrid, field: 'phone', reason: '查看' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
