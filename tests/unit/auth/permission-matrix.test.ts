import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../db/auth/roles';
import { dispatch } from '../../../electron/rpc/dispatch';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
let personInGrid: string;
let personElsewhere: string;

beforeAll(() => {
  t = makeRuntime();
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const person = sqlite.prepare(
    `INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, party_member, source) VALUES (?, 'h', 'test', ?, 'female', ?, ?, 1, 'resident')`,
  );
  const duty = sqlite.prepare(`INSERT INTO duty_assignments (id, hlc, origin, person_id, role, scope_type, scope_id, since) VALUES (?, 'h', 'test', ?, ?, ?, ?, 0)`);
  personInGrid = '01900000-0000-7000-8000-0000000000b1';
  personElsewhere = '01900000-0000-7000-8000-0000000000b2';
  person.run(personInGrid, '王秀英', '13812345678', '370202198001011237');
  person.run(personElsewhere, '赵建华', '13987654321', '370202197506063212');
  duty.run('01900000-0000-7000-8000-0000000000c1', personInGrid, 'building_head', 'building', t.territory.buildings[0]);
  duty.run('01900000-0000-7000-8000-0000000000c2', personElsewhere, 'building_head', 'building', t.otherGrid.building);
});
afterAll(() => t.runtime.close());

type Outcome = 'ok' | 'FORBIDDEN';

/** Every action a role may or may not take, as the services answer it (no UI involved). */
const ACTIONS: Record<string, { call: () => [string, unknown]; expect: Record<Role, Outcome> }> = {
  'read the street (system.info)': {
    call: () => ['system.info', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read the map': {
    call: () => ['map.layers', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read a building in grid 1': {
    call: () => ['buildings.get', { id: t.territory.buildings[0] }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read a building in grid 2 (not the grid worker’s)': {
    call: () => ['buildings.get', { id: t.otherGrid.building }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'FORBIDDEN' },
  },
  'list the buildings table': {
    call: () => ['buildings.list', { filter: { search: 'zsl' } }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'list the buildings of grid 2 (not the grid worker’s)': {
    call: () => ['buildings.list', { filter: { gridIds: [t.otherGrid.grid] } }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'FORBIDDEN' },
  },
  'export the buildings table': {
    call: () => ['buildings.export', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read the households of a building in grid 1': {
    call: () => ['buildings.households', { id: t.territory.buildings[0] }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'FORBIDDEN', grid_worker: 'ok' },
  },
  'read the households of a building in grid 2': {
    call: () => ['buildings.households', { id: t.otherGrid.building }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'add a need in grid 1': {
    call: () => ['buildings.addNeed', { buildingId: t.territory.buildings[0], kind: 'medicine', detail: '降压药两盒', requestedBy: '张大爷' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'ok' },
  },
  'add an incident in grid 2': {
    call: () => ['buildings.addIncident', { buildingId: t.otherGrid.building, title: '楼顶防水层被风掀开' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'reveal a phone of someone in grid 1': {
    call: () => ['people.reveal', { personId: personInGrid, field: 'phone', reason: '核实联系方式' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'ok' },
  },
  'reveal an ID number of someone in grid 2': {
    call: () => ['people.reveal', { personId: personElsewhere, field: 'idNumber', reason: '核实身份' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'list accounts': {
    call: () => ['accounts.list', {}],
    expect: { admin: 'ok', staff: 'FORBIDDEN', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'create an account': {
    call: () => ['accounts.create', { username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: '新用户', role: 'leader', password: 'new-pass-2026' }],
    expect: { admin: 'ok', staff: 'FORBIDDEN', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'read the audit log': {
    call: () => ['audit.query', { limit: 10 }],
    expect: { admin: 'ok', staff: 'FORBIDDEN', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'verify the audit chain': {
    call: () => ['audit.verify', {}],
    expect: { admin: 'ok', staff: 'FORBIDDEN', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'start a screening round over the street': {
    call: () => {
      const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
      const household = sqlite.prepare(`INSERT OR IGNORE INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, 'h', 'test', ?, '1单元101', 'registered')`);
      household.run('01900000-0000-7000-8000-0000000000f1', t.territory.buildings[0]);
      household.run('01900000-0000-7000-8000-0000000000f2', t.otherGrid.building);
      return ['screening.start', { scope: { type: 'street' } }];
    },
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'list screening rounds': {
    call: () => ['screening.rounds', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read a screening round’s progress': {
    call: () => {
      const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
      return ['screening.progress', { roundId: sqlite.prepare('SELECT id FROM screening_rounds ORDER BY number DESC LIMIT 1').pluck().get() }];
    },
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read the screening queue of grid 2': {
    call: () => {
      const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
      const roundId = sqlite.prepare('SELECT id FROM screening_rounds ORDER BY number DESC LIMIT 1').pluck().get();
      return ['screening.households', { roundId, gridId: t.otherGrid.grid }];
    },
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'FORBIDDEN' },
  },
  'record a screening visit in grid 1': {
    call: () => {
      const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
      const roundId = sqlite.prepare('SELECT id FROM screening_rounds ORDER BY number DESC LIMIT 1').pluck().get();
      return ['screening.visit', { roundId, householdId: '01900000-0000-7000-8000-0000000000f1', result: 'nobody_home' }];
    },
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'ok' },
  },
  'record a screening visit in grid 2': {
    call: () => {
      const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
      const roundId = sqlite.prepare('SELECT id FROM screening_rounds ORDER BY number DESC LIMIT 1').pluck().get();
      return ['screening.visit', { roundId, householdId: '01900000-0000-7000-8000-0000000000f2', result: 'refused' }];
    },
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'list the control statuses': {
    call: () => ['statuses.list', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'configure a control status': {
    call: () => ['statuses.save', { key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677ff', rank: 5 }],
    expect: { admin: 'ok', staff: 'FORBIDDEN', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'set the status of a building in grid 1': {
    call: () => ['buildings.setStatus', { id: t.territory.buildings[0], status: 'precaution', reason: '周边出现病例' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'ok' },
  },
  'set the status of a building in grid 2': {
    call: () => ['buildings.setStatus', { id: t.otherGrid.building, status: 'precaution', reason: '周边出现病例' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'bulk-set the statuses of grid 2': {
    call: () => ['buildings.bulkSetStatus', { selection: { kind: 'grid', id: t.otherGrid.grid }, status: 'controlled', reason: '全网格管控' }],
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
  'read the status history of a building in grid 2': {
    call: () => ['buildings.history', { id: t.otherGrid.building }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'FORBIDDEN' },
  },
  'read status reminders': {
    call: () => ['buildings.reminders', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read the map as of a date': {
    call: () => ['map.statusAsOf', { at: Date.now() }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'read the map changes since a revision': {
    call: () => ['map.changesSince', { revision: 0 }],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'see one’s last status change': {
    call: () => ['buildings.lastBatch', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'list the safe compounds': {
    call: () => ['compounds.safeList', {}],
    expect: { admin: 'ok', staff: 'ok', leader: 'ok', analyst: 'ok', grid_worker: 'ok' },
  },
  'designate a safe compound in grid 2': {
    call: () => {
      const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
      sqlite.prepare('UPDATE safe_compounds SET revoked_at = 1 WHERE revoked_at IS NULL').run();
      const compoundId = sqlite.prepare('SELECT compound_id FROM buildings WHERE id = ?').pluck().get(t.otherGrid.building);
      return ['compounds.designateSafe', { compoundId, grantedAt: Date.now() - 60_000, criteria: ['无疫情发生'] }];
    },
    expect: { admin: 'ok', staff: 'ok', leader: 'FORBIDDEN', analyst: 'FORBIDDEN', grid_worker: 'FORBIDDEN' },
  },
};

const cells = Object.entries(ACTIONS).flatMap(([action, spec]) =>
  (Object.keys(ROLE_USERS) as Role[]).map((role) => [role, action, spec.expect[role]] as const),
);

describe('role × action matrix, enforced by the services', () => {
  it.each(cells)('%s: %s → %s', async (role, action, outcome) => {
    const { call } = await signIn(t.runtime, ROLE_USERS[role]);
    const [method, input] = ACTIONS[action]!.call();
    const reply = await call(method, input);
    if (outcome === 'ok') expect(reply).toMatchObject({ ok: true });
    else {
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(4);
    }
  });

  it('gives a grid worker the map of their own grid only', async () => {
    const { call } = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const reply = await call('map.layers');
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      const ids = (reply.result as { buildings: { ids: string[] } }).buildings.ids;
      expect(new Set(ids)).toEqual(new Set(t.territory.buildings));
    }
  });

  it('audits a reveal with who, whom, which field and why, but not the value', async () => {
    const { call } = await signIn(t.runtime, ROLE_USERS.staff);
    expect(await call('people.reveal', { personId: personInGrid, field: 'idNumber', reason: '上报区里核验' })).toMatchObject({
      ok: true,
      result: { value: '370202198001011237' },
    });
    const admin = await signIn(t.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'person.reveal', limit: 1 });
    expect(log.ok).toBe(true);
    const entry = (log as { result: { entries: { actorName: string; target: string; detail: unknown }[] } }).result.entries[0]!;
    expect(entry).toMatchObject({ actorName: 'zhiban 用户', target: personInGrid, detail: { field: 'idNumber', reason: '上报区里核验' } });
    expect(JSON.stringify(entry)).not.toContain('370202198001011237');
  });

  it('refuses every data call before sign-in and after sign-out', async () => {
    const session = t.runtime.sessions.create();
    const call = (m: string, i: unknown = {}) => dispatchAs(session.id, m, i);
    expect(await call('map.layers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const user = await signIn(t.runtime, 'lingdao');
    expect(await user.call('auth.logout')).toMatchObject({ ok: true, result: { state: 'signed-out' } });
    expect(await user.call('map.layers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('takes effect at once when an administrator disables an account', async () => {
    const leader = await signIn(t.runtime, 'lingdao');
    expect(await leader.call('system.info')).toMatchObject({ ok: true });
    const admin = await signIn(t.runtime, 'admin');
    const accounts = (await admin.call('accounts.list')) as { ok: true; result: { id: string; username: string }[] };
    const id = accounts.result.find((a) => a.username === 'lingdao')!.id;
    expect(await admin.call('accounts.update', { id, disabled: true })).toMatchObject({ ok: true });
    expect(await leader.call('system.info')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await admin.call('accounts.update', { id, disabled: false })).toMatchObject({ ok: true });
  });
});

function dispatchAs(sessionId: string, method: string, input: unknown) {
  return dispatch(t.runtime, sessionId, { mode: 'browser' }, method, input);
}
