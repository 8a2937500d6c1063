import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../../../db/sync/ids';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

/** The test street (two grids of one zone, 3 + 1 buildings, nobody on duty) and a way to add people. */
async function street() {
  const t = (open = makeRuntime({ now: () => 1_796_000_000_000 }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const person = (name: string) => {
    const id = uuidv7();
    sqlite.prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, source) VALUES (?, 'h', 'test', ?, 'female', '13800000000', 'community_staff')`).run(id, name);
    return id;
  };
  return { t, sqlite, admin, person };
}

function hashOf(sqlite: Database.Database): string {
  const h = createHash('sha256');
  for (const table of ['duty_assignments', 'audit_log']) for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) h.update(JSON.stringify(row));
  return h.digest('hex');
}

describe('coverage of the three heads and grid workers', () => {
  it('lists every zone and grid with its heads, the grids without a grid worker and the buildings without a head, and fills them', async () => {
    const { t, admin, person } = await street();
    const before = await admin.call('staffing.coverage', {});
    expect(before.totals).toEqual({ zones: 1, zonesWithoutHead: 1, grids: 2, gridsWithoutHead: 2, gridsWithoutWorker: 2, buildings: 4, buildingsWithoutHead: 4 });
    expect(before.grids.map((g) => [g.name, g.buildings, g.buildingsWithoutHead])).toEqual([
      ['第1网格', 3, 3],
      ['第2网格', 1, 1],
    ]);
    expect(before.buildings).toHaveLength(4);

    const wang = person('王网格');
    const { id } = await admin.call('staffing.appointDuty', { role: 'grid_worker', scopeId: t.territory.grid, personId: wang });
    await admin.call('staffing.appointDuty', { role: 'building_head', scopeId: t.territory.buildings[0]!, personId: person('李楼长') });
    await admin.call('staffing.appointDuty', { role: 'zone_head', scopeId: t.territory.zone, personId: person('赵片长') });
    const after = await admin.call('staffing.coverage', {});
    expect(after.totals).toMatchObject({ zonesWithoutHead: 0, gridsWithoutWorker: 1, buildingsWithoutHead: 3 });
    expect(after.grids[0]!.gridWorkers).toEqual([{ personId: wang, name: '王网格' }]);
    expect(after.zones[0]!.zoneHeads.map((h) => h.name)).toEqual(['赵片长']);
    expect(after.buildings.map((b) => b.id)).not.toContain(t.territory.buildings[0]);

    const ofGrid = await admin.call('staffing.coverage', { gridId: t.territory.grid });
    expect(ofGrid.buildings).toHaveLength(3);
    expect(ofGrid.buildings.find((b) => b.id === t.territory.buildings[0])!.heads.map((h) => h.name)).toEqual(['李楼长']);

    const audit = await admin.call('audit.query', { action: 'staffing.duty.assign' });
    expect(audit.entries.find((e) => e.target === id)).toMatchObject({ detail: { name: '王网格', roleName: '网格员', place: '永安西里社区第1网格' } });
    // The building's detail shows the new head.
    expect(JSON.stringify(await admin.call('buildings.get', { id: t.territory.buildings[0]! }))).toContain('李楼长');
  });

  it('shows a grid worker their own grid only, and lets only the duty officer and administrator fill', async () => {
    const { t, person } = await street();
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const mine = await worker.call('staffing.coverage', {});
    expect(mine.grids.map((g) => g.name)).toEqual(['第1网格']);
    expect(mine.totals.buildings).toBe(3);
    expect((await worker.reply('staffing.coverage', { gridId: t.otherGrid.grid })).ok).toBe(false);
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    const no = await leader.reply('staffing.appointDuty', { role: 'grid_worker', scopeId: t.territory.grid, personId: person('钱') });
    expect(no.ok ? null : no.error.code).toBe('FORBIDDEN');
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    expect((await staff.reply('staffing.appointDuty', { role: 'grid_worker', scopeId: t.otherGrid.grid, personId: person('孙') })).ok).toBe(true);
  });

  it('refuses an unknown place, a role of another kind of place, an unknown person and a second appointment, naming the field, writing nothing', async () => {
    const { t, sqlite, admin, person } = await street();
    const zhou = person('周');
    await admin.call('staffing.appointDuty', { role: 'grid_worker', scopeId: t.territory.grid, personId: zhou });
    const before = hashOf(sqlite);
    const wrong = async (input: Parameters<typeof admin.reply<'staffing.appointDuty'>>[1]) => {
      const r = await admin.reply('staffing.appointDuty', input);
      return r.ok ? null : [r.error.field, r.error.message];
    };
    expect(await wrong({ role: 'grid_worker', scopeId: uuidv7(), personId: zhou })).toEqual(['scopeId', '找不到要安排网格员的地方，可能已被删除，请刷新后再试']);
    expect(await wrong({ role: 'building_head', scopeId: t.territory.grid, personId: zhou })).toEqual(['scopeId', '找不到要安排楼栋长的地方，可能已被删除，请刷新后再试']);
    expect(await wrong({ role: 'grid_worker', scopeId: t.territory.grid, personId: uuidv7() })).toEqual(['personId', '找不到所选的人员，请刷新人员列表后重新选择']);
    expect(await wrong({ role: 'grid_worker', scopeId: t.territory.grid, personId: zhou })).toEqual(['personId', '周 已经是第1网格的网格员，不必重复安排']);
    expect((await wrong({ role: 'mayor' as never, scopeId: t.territory.grid, personId: zhou }))![0]).toBe('role');
    expect(hashOf(sqlite)).toBe(before);
  });
});
