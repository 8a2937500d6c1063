import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../db/auth/roles';
import type { ApiResponse, MethodInput, MethodName } from '../../../electron/api';
import { makeRuntime, ROLE_USERS, signIn, type Caller, type InputArg, type TestRuntime } from '../helpers/runtime';

const personInGrid = '01900000-0000-7000-8000-0000000000b1';
const personElsewhere = '01900000-0000-7000-8000-0000000000b2';
const householdInGrid = '01900000-0000-7000-8000-0000000000f1';
const householdElsewhere = '01900000-0000-7000-8000-0000000000f2';

let t: TestRuntime;

/** The tiny street with a person on duty and a household in each grid. */
beforeEach(() => {
  t = makeRuntime();
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const person = sqlite.prepare(
    `INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, party_member, source) VALUES (?, 'h', 'test', ?, 'female', ?, ?, 1, 'resident')`,
  );
  const duty = sqlite.prepare(`INSERT INTO duty_assignments (id, hlc, origin, person_id, role, scope_type, scope_id, since) VALUES (?, 'h', 'test', ?, ?, ?, ?, 0)`);
  person.run(personInGrid, '王秀英', '13812345678', '370202198001011237');
  person.run(personElsewhere, '赵建华', '13987654321', '370202197506063212');
  duty.run('01900000-0000-7000-8000-0000000000c1', personInGrid, 'building_head', 'building', t.territory.buildings[0]);
  duty.run('01900000-0000-7000-8000-0000000000c2', personElsewhere, 'building_head', 'building', t.otherGrid.building);
  const household = sqlite.prepare(`INSERT INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, 'h', 'test', ?, '1单元101', 'registered')`);
  household.run(householdInGrid, t.territory.buildings[0]);
  household.run(householdElsewhere, t.otherGrid.building);
});
afterEach(() => t.runtime.close());

/** A screening round over the whole street, started by the administrator. */
async function streetRound(f: TestRuntime): Promise<string> {
  const admin = await signIn(f.runtime, 'admin');
  return (await admin.callJob('screening.start', { scope: { type: 'street' } })).id;
}

type Outcome = 'ok' | 'FORBIDDEN';

interface Action {
  send: (caller: Caller) => Promise<ApiResponse<unknown>>;
  expect: Record<Role, Outcome>;
}

/** One action: its method, then its input (typed by the contract, built on the test's own street) and who may take it. */
function action<M extends MethodName>(method: M) {
  return (input: (f: TestRuntime) => MethodInput<M> | Promise<MethodInput<M>>, expect: Record<Role, Outcome>): Action => ({
    send: async (caller) => caller.reply(method, ...([await input(t)] as InputArg<M>)),
    expect,
  });
}

const EVERYONE: Record<Role, Outcome> = { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' };
const ADMIN_ONLY: Record<Role, Outcome> = { admin: 'ok', staff: 'FORBIDDEN', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' };
const OFFICE_WRITERS: Record<Role, Outcome> = { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' };
const WRITERS_IN_GRID: Record<Role, Outcome> = { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'ok' };
const READERS_OUTSIDE_GRID: Record<Role, Outcome> = { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'FORBIDDEN' };

/** Every action a role may or may not take, as the services answer it (no UI involved). */
const ACTIONS: Record<string, Action> = {
  'read the street (system.info)': action('system.info')(() => ({}), EVERYONE),
  'read the map': action('map.layers')(() => ({}), EVERYONE),
  'read a building in grid 1': action('buildings.get')((f) => ({ id: f.territory.buildings[0]! }), EVERYONE),
  'read a building in grid 2 (not the grid worker’s)': action('buildings.get')((f) => ({ id: f.otherGrid.building }), READERS_OUTSIDE_GRID),
  'list the buildings table': action('buildings.list')(() => ({ filter: { search: 'zsl' } }), EVERYONE),
  'list the buildings of grid 2 (not the grid worker’s)': action('buildings.list')((f) => ({ filter: { gridIds: [f.otherGrid.grid] } }), READERS_OUTSIDE_GRID),
  'export the buildings table': action('buildings.export')(() => ({}), EVERYONE),
  'read the households of a building in grid 1': action('buildings.households')((f) => ({ id: f.territory.buildings[0]! }), {
    admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'FORBIDDEN', grid_worker: 'ok',
  }),
  'read the households of a building in grid 2': action('buildings.households')((f) => ({ id: f.otherGrid.building }), {
    admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN',
  }),
  'add a need in grid 1': action('buildings.addNeed')(
    (f) => ({ buildingId: f.territory.buildings[0]!, kind: 'medicine', detail: '降压药两盒', requestedBy: '张大爷' }),
    WRITERS_IN_GRID,
  ),
  'add an incident in grid 2': action('buildings.addIncident')((f) => ({ buildingId: f.otherGrid.building, title: '楼顶防水层被风掀开' }), OFFICE_WRITERS),
  'reveal a phone of someone in grid 1': action('people.reveal')(() => ({ personId: personInGrid, field: 'phone', reason: '核实联系方式' }), WRITERS_IN_GRID),
  'reveal an ID number of someone in grid 2': action('people.reveal')(() => ({ personId: personElsewhere, field: 'idNumber', reason: '核实身份' }), OFFICE_WRITERS),
  'list accounts': action('accounts.list')(() => ({}), ADMIN_ONLY),
  'create an account': action('accounts.create')(() => ({ username: 'xinyonghu', displayName: '新用户', role: 'leader', password: 'new-pass-2026' }), ADMIN_ONLY),
  'read the audit log': action('audit.query')(() => ({ limit: 10 }), ADMIN_ONLY),
  'verify the audit chain': action('audit.verify')(() => ({}), ADMIN_ONLY),
  'start a screening round over the street': action('screening.start')(() => ({ scope: { type: 'street' } }), OFFICE_WRITERS),
  'list screening rounds': action('screening.rounds')(() => ({}), EVERYONE),
  'read a screening round’s progress': action('screening.progress')(async (f) => ({ roundId: await streetRound(f) }), EVERYONE),
  'read the screening queue of grid 2': action('screening.households')(async (f) => ({ roundId: await streetRound(f), gridId: f.otherGrid.grid }), READERS_OUTSIDE_GRID),
  'record a screening visit in grid 1': action('screening.visit')(
    async (f) => ({ roundId: await streetRound(f), householdId: householdInGrid, result: 'nobody_home' }),
    WRITERS_IN_GRID,
  ),
  'record a screening visit in grid 2': action('screening.visit')(
    async (f) => ({ roundId: await streetRound(f), householdId: householdElsewhere, result: 'refused' }),
    OFFICE_WRITERS,
  ),
  'list the control statuses': action('statuses.list')(() => ({}), EVERYONE),
  'configure a control status': action('statuses.save')(() => ({ key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677ff', rank: 5 }), ADMIN_ONLY),
  'set the status of a building in grid 1': action('buildings.setStatus')((f) => ({ id: f.territory.buildings[0]!, status: 'precaution', reason: '周边出现病例' }), WRITERS_IN_GRID),
  'set the status of a building in grid 2': action('buildings.setStatus')((f) => ({ id: f.otherGrid.building, status: 'precaution', reason: '周边出现病例' }), OFFICE_WRITERS),
  'bulk-set the statuses of grid 2': action('buildings.bulkSetStatus')(
    (f) => ({ selection: { kind: 'grid', id: f.otherGrid.grid }, status: 'controlled', reason: '全网格管控' }),
    OFFICE_WRITERS,
  ),
  'read the status history of a building in grid 2': action('buildings.history')((f) => ({ id: f.otherGrid.building }), READERS_OUTSIDE_GRID),
  'read status reminders': action('buildings.reminders')(() => ({}), EVERYONE),
  'read the map as of a date': action('map.statusAsOf')(() => ({ at: Date.now() }), EVERYONE),
  'see one’s last status change': action('buildings.lastBatch')(() => ({}), EVERYONE),
  'list the safe compounds': action('compounds.safeList')(() => ({}), EVERYONE),
  'designate a safe compound in grid 2': action('compounds.designateSafe')(
    (f) => ({
      compoundId: f.runtime.vault.requireOpen().opened.sqlite.prepare('SELECT compound_id FROM buildings WHERE id = ?').pluck().get(f.otherGrid.building) as string,
      grantedAt: Date.now() - 60_000,
      criteria: ['无疫情发生'],
    }),
    OFFICE_WRITERS,
  ),
};

const cells = Object.entries(ACTIONS).flatMap(([action, spec]) =>
  (Object.keys(ROLE_USERS) as Role[]).map((role) => [role, action, spec.expect[role]] as const),
);

describe('role × action matrix, enforced by the services', () => {
  it.each(cells)('%s: %s → %s', async (role, action, outcome) => {
    const caller = await signIn(t.runtime, ROLE_USERS[role]);
    const reply = await ACTIONS[action]!.send(caller);
    if (outcome === 'ok') expect(reply).toMatchObject({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^\P{ASCII}.{4,}/u) } });
  });

  it('gives a grid worker the map of their own grid only', async () => {
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const layers = await worker.call('map.layers');
    expect(new Set(layers.buildings.ids)).toEqual(new Set(t.territory.buildings));
  });

  it('audits a reveal with who, whom, which field and why, but not the value', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    expect(await staff.call('people.reveal', { personId: personInGrid, field: 'idNumber', reason: '上报区里核验' })).toMatchObject({ value: '370202198001011237' });
    const admin = await signIn(t.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'person.reveal', limit: 1 });
    const entry = log.entries[0]!;
    expect(entry).toMatchObject({ actorName: 'zhiban 用户', target: personInGrid, detail: { field: 'idNumber', reason: '上报区里核验' } });
    expect(JSON.stringify(entry)).not.toContain('370202198001011237');
  });

  it('refuses every data call before sign-in and after sign-out', async () => {
    const anonymous = await signIn(t.runtime, 'lingdao');
    expect(await anonymous.call('auth.logout')).toMatchObject({ state: 'signed-out' });
    expect(await anonymous.reply('map.layers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const user = await signIn(t.runtime, 'lingdao');
    expect(await user.reply('map.layers')).toMatchObject({ ok: true });
    expect(await user.call('auth.logout')).toMatchObject({ state: 'signed-out' });
    expect(await user.reply('map.layers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('takes effect at once when an administrator disables an account', async () => {
    const leader = await signIn(t.runtime, 'lingdao');
    expect(await leader.reply('system.info')).toMatchObject({ ok: true });
    const admin = await signIn(t.runtime, 'admin');
    const accounts = await admin.call('accounts.list');
    const id = accounts.find((a) => a.username === 'lingdao')!.id;
    expect(await admin.reply('accounts.update', { id, disabled: true })).toMatchObject({ ok: true });
    expect(await leader.reply('system.info')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
