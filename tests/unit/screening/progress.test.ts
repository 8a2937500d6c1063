import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressSql } from '../../../db/screening/progress';
import { ROLE_USERS, signIn } from '../helpers/runtime';
import { makeScreeningFixture, type ScreeningFixture } from './fixture';

interface Tally {
  households: number;
  visited: number;
  nobodyHome: number;
  refused: number;
  pending: number;
  returnees: number;
  symptoms: number;
}
let f: ScreeningFixture;
let street: string;
let grid3Round: string;
/** Each test's own street: a street-wide round with seven visits recorded, and an untouched round over grid 3. */
beforeEach(async () => {
  f = makeScreeningFixture();
  const staff = await signIn(f.runtime, ROLE_USERS.staff);
  street = (await staff.callJob('screening.start', { scope: { type: 'street' } })).id;
  grid3Round = (await staff.callJob('screening.start', { scope: { type: 'grids', ids: [f.grid3] } })).id;
  const [b0, b1] = f.territory.buildings.map((b) => f.households.get(b) ?? []);
  const other = f.households.get(f.otherGrid.building)!;
  const visit = (householdId: string, result: 'visited' | 'nobody_home' | 'refused', findings?: { returnee: boolean; symptoms: boolean }) => staff.call('screening.visit', { roundId: street, householdId, result, findings });
  await visit(b0![0]!, 'visited', { returnee: true, symptoms: true });
  await visit(b0![1]!, 'nobody_home');
  await visit(b0![2]!, 'refused');
  await visit(b1![0]!, 'visited', { returnee: false, symptoms: true });
  await visit(b1![1]!, 'nobody_home');
  await visit(b1![1]!, 'visited');
  await visit(other[0]!, 'refused');
});
afterEach(() => f.runtime.close());

const tally = (households: number, visited: number, nobodyHome: number, refused: number, pending: number, returnees: number, symptoms: number): Tally => ({
  households,
  visited,
  nobodyHome,
  refused,
  pending,
  returnees,
  symptoms,
});

describe('progress of a round', () => {
  it('counts the whole street, by grid with names, and each building’s share by id', async () => {
    const leader = await signIn(f.runtime, ROLE_USERS.leader);
    const p = await leader.call('screening.progress', { roundId: street });
    expect(p.total).toEqual(tally(11, 3, 1, 2, 5, 1, 2));
    expect(p.round).toMatchObject({ id: street, households: 11, visited: 3, nobodyHome: 1, refused: 2 });
    expect(p.byGrid).toEqual([
      { gridId: f.territory.grid, gridName: '第1网格', communityName: '永安西里社区', ...tally(7, 3, 1, 1, 2, 1, 2) },
      { gridId: f.otherGrid.grid, gridName: '第2网格', communityName: '永安西里社区', ...tally(2, 0, 0, 1, 1, 0, 0) },
      { gridId: f.grid3, gridName: '第3网格', communityName: '观海社区', ...tally(2, 0, 0, 0, 2, 0, 0) },
    ]);
    const [b0, b1] = f.territory.buildings;
    expect(p.buildingShare).toEqual({ [b0!]: 0.5, [b1!]: 2 / 3, [f.otherGrid.building]: 0.5, [f.building3]: 0 });
  });

  it('lists no share for buildings outside a round over one grid', async () => {
    const leader = await signIn(f.runtime, ROLE_USERS.leader);
    const p = await leader.call('screening.progress', { roundId: grid3Round });
    expect(p.buildingShare).toEqual({ [f.building3]: 0 });
    expect(p.byGrid.map((g) => g.gridId)).toEqual([f.grid3]);
    expect(p.total).toEqual(tally(2, 0, 0, 0, 2, 0, 0));
  });

  it('limits a grid worker to their grids: progress, rounds and the queue', async () => {
    const worker = await signIn(f.runtime, ROLE_USERS.grid_worker);
    const p = await worker.call('screening.progress', { roundId: street });
    expect(p.total).toEqual(tally(7, 3, 1, 1, 2, 1, 2));
    expect(p.byGrid.map((g) => g.gridId)).toEqual([f.territory.grid]);
    const map = await worker.call('map.layers');
    expect(map.buildings.ids.length).toBe(3);
    for (const id of Object.keys(p.buildingShare)) expect(map.buildings.ids).toContain(id);

    const rounds = await worker.call('screening.rounds');
    expect(rounds.map((r) => [r.id, r.households, r.visited])).toEqual([[street, 7, 3]]);

    const queue = await worker.call('screening.households', { roundId: street, pageSize: 200 });
    expect(queue.total).toBe(7);
    expect(new Set(queue.rows.map((r) => r.householdId))).toEqual(new Set(f.territory.buildings.flatMap((b) => f.households.get(b) ?? [])));
    expect(await worker.reply('screening.households', { roundId: street, gridId: f.otherGrid.grid })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists rounds newest first with their counts', async () => {
    const leader = await signIn(f.runtime, ROLE_USERS.leader);
    const rounds = await leader.call('screening.rounds');
    expect(rounds.map((r) => [r.number, r.households, r.visited, r.nobodyHome, r.refused])).toEqual([
      [2, 2, 0, 0, 0],
      [1, 11, 3, 1, 2],
    ]);
  });

  it('keeps a round’s counts current while open and final once closed', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const counts = async () => (await staff.call('screening.rounds')).find((r) => r.id === grid3Round)!;
    expect(await counts()).toMatchObject({ visited: 0, refused: 0 });
    const [first, second] = f.households.get(f.building3)! as [string, string];
    await staff.call('screening.visit', { roundId: grid3Round, householdId: first, result: 'visited' });
    expect(await counts()).toMatchObject({ visited: 1, refused: 0 });
    await staff.call('screening.visit', { roundId: grid3Round, householdId: second, result: 'refused' });
    expect(await staff.call('screening.close', { roundId: grid3Round })).toMatchObject({ visited: 1, refused: 1, households: 2 });
    expect(await counts()).toMatchObject({ visited: 1, refused: 1, closedAt: expect.any(Number) });
    const p = await staff.call('screening.progress', { roundId: grid3Round });
    expect(p.buildingShare).toEqual({ [f.building3]: 1 });
  });

  it('orders the queue by address, unit and room, with the head of household and members, paged', async () => {
    const analyst = await signIn(f.runtime, ROLE_USERS.analyst);
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const b0 = f.territory.buildings[0]!;
    const page = await staff.call('screening.households', { roundId: street, buildingId: b0 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => [r.room, r.headName, r.members, r.result])).toEqual([
      ['1单元101', '王秀英', 2, 'nobody_home'],
      ['1单元201', '李淑珍', 2, 'pending'],
      ['1单元301', '刘国庆', 3, 'visited'],
      ['2单元201', '张建华', 3, 'refused'],
    ]);
    const first = await analyst.call('screening.households', { roundId: street, pageSize: 10 });
    const second = await analyst.call('screening.households', { roundId: street, pageSize: 10, page: 2 });
    expect([first.total, first.rows.length, second.total, second.rows.length]).toEqual([11, 10, 11, 1]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.householdId)).size).toBe(11);
    const pending = await analyst.call('screening.households', { roundId: street, gridId: f.territory.grid, results: ['pending'] });
    expect(pending.total).toBe(2);
    expect(await analyst.reply('screening.households', { roundId: '01900000-0000-7000-8000-00000000fffe' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'roundId' },
    });
  });

  it('gives the analyst, who may not see people, counts with masked heads and rooms only', async () => {
    const analyst = await signIn(f.runtime, ROLE_USERS.analyst);
    const page = await analyst.call('screening.households', { roundId: street, buildingId: f.territory.buildings[0]! });
    expect(page.rows.map((r) => [r.room, r.headName, r.members, r.result])).toEqual([
      ['***', '王**', 2, 'nobody_home'],
      ['***', '李**', 2, 'pending'],
      ['***', '刘**', 3, 'visited'],
      ['***', '张**', 3, 'refused'],
    ]);
    const street1 = JSON.stringify(await analyst.call('screening.households', { roundId: street, pageSize: 200 }));
    for (const name of f.sqlite.prepare('SELECT name FROM residents').pluck().all() as string[]) expect(street1).not.toContain(name);
  });

  it('pages the street-wide queue in the same order as one sort, also when two buildings share an address', async () => {
    const analyst = await signIn(f.runtime, ROLE_USERS.analyst);
    const [b0, b1] = f.territory.buildings;
    const address = f.sqlite.prepare('SELECT address FROM buildings WHERE id = ?').pluck().get(b0) as string;
    for (const shared of [false, true]) {
      if (shared) f.sqlite.prepare('UPDATE buildings SET address = ? WHERE id = ?').run(address, b1);
      const expected = f.sqlite
        .prepare(
          `SELECT v.household_id FROM screening_visits v JOIN households h ON h.id = v.household_id JOIN buildings b ON b.id = v.building_id
            WHERE v.round_id = ? ORDER BY b.address, h.room, v.household_id`,
        )
        .pluck()
        .all(street);
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const reply = await analyst.call('screening.households', { roundId: street, page, pageSize: 10 });
        expect(reply.total).toBe(11);
        seen.push(...reply.rows.map((r) => r.householdId));
      }
      expect(seen).toEqual(expected);
      const pending = await analyst.call('screening.households', { roundId: street, results: ['pending', 'refused'], pageSize: 10 });
      expect(pending.total).toBe(7);
      expect(pending.rows.every((r) => r.result === 'pending' || r.result === 'refused')).toBe(true);
    }
  });

  it('counts over covering indexes', () => {
    const plan = (sql: string) =>
      (f.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ round: street }) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(progressSql.byBuilding)).toContain('USING COVERING INDEX screening_visits_building_idx (round_id=?)');
    expect(plan(progressSql.findings)).toMatch(/^SEARCH screening_visits USING .*INDEX \S+ \(round_id=\?\)/);
  });
});
