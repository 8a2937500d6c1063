import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLE_USERS, signIn } from '../helpers/runtime';
import { fingerprint, makeScreeningFixture, type ScreeningFixture } from './fixture';

let f: ScreeningFixture;
let round: string;
let b1: string;
let mine: [string, string, string, string];
/** Each test's own street with a street-wide round, nothing visited yet. */
beforeEach(async () => {
  f = makeScreeningFixture();
  const staff = await signIn(f.runtime, ROLE_USERS.staff);
  round = (await staff.callJob('screening.start', { scope: { type: 'street' } })).id;
  b1 = f.territory.buildings[0]!;
  mine = f.households.get(b1)! as typeof mine;
});
afterEach(() => f.runtime.close());

const visitRow = (household: string) =>
  f.sqlite.prepare('SELECT result, attempts, visited_by, returnee, symptoms, needs, note, hlc FROM screening_visits WHERE round_id = ? AND household_id = ?').get(round, household) as {
    result: string;
    attempts: number;
    visited_by: string;
    returnee: number;
    symptoms: number;
    needs: string | null;
    note: string | null;
    hlc: string;
  };
const needsOf = (household: string) =>
  f.sqlite.prepare('SELECT building_id, kind, title, source, requester, state, deleted FROM requests WHERE household_id = ?').all(household);
const returneeTags = (resident: string) => f.sqlite.prepare(`SELECT tag, starts_on, building_id FROM resident_tags WHERE resident_id = ? AND tag = 'returnee'`).all(resident);

describe('recording visits', () => {
  it('records a visit with findings: a need on the building panel and the head tagged as returnee', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const household = mine[0]!; // 1单元301, head 刘国庆
    const hlcBefore = visitRow(household).hlc;
    f.events.length = 0;
    const t0 = Date.now();
    const line = await staff.call('screening.visit', {
      roundId: round,
      householdId: household,
      result: 'visited',
      findings: { returnee: true, symptoms: true, needs: '需要代购降压药' },
      note: '老人独居，子女在外地',
    });
    expect(line).toMatchObject({
      householdId: household,
      buildingId: b1,
      room: '1单元301',
      headName: '刘国庆',
      members: 3,
      result: 'visited',
      attempts: 1,
      visitedBy: 'zhiban 用户',
      returnee: true,
      symptoms: true,
      needs: '需要代购降压药',
      note: '老人独居，子女在外地',
    });
    expect(line.visitedAt).toBeGreaterThanOrEqual(t0);
    expect(visitRow(household).hlc > hlcBefore).toBe(true);
    expect(needsOf(household)).toEqual([
      { building_id: b1, kind: 'other', title: '需要代购降压药', source: 'screening', requester: '刘国庆（1单元301）', state: 'pending', deleted: 0 },
    ]);
    expect(returneeTags(f.heads.get(household)!)).toEqual([{ tag: 'returnee', starts_on: line.visitedAt, building_id: b1 }]);
    expect(f.events).toContainEqual({ event: 'data.changed', payload: { domains: ['screening', 'buildings', 'requests'] } });

    // The need shows on the building's panel, as a request (摸排发现).
    const detail = await staff.call('buildings.get', { id: b1 });
    expect(detail.requests.map((n) => n.title)).toContain('需要代购降压药');
  });

  it('keeps counting attempts when a visit is corrected, without duplicating the need or the tag', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const household = mine[0];
    const first = await staff.call('screening.visit', {
      roundId: round,
      householdId: household,
      result: 'visited',
      findings: { returnee: true, symptoms: true, needs: '需要代购降压药' },
    });
    expect(first).toMatchObject({ attempts: 1, returnee: true, symptoms: true });
    const line = await staff.call('screening.visit', {
      roundId: round,
      householdId: household,
      result: 'visited',
      findings: { returnee: true, symptoms: false, needs: '需要代购降压药' },
    });
    expect(line).toMatchObject({ attempts: 2, returnee: true, symptoms: false, needs: '需要代购降压药', note: null });
    expect(needsOf(household)).toHaveLength(1);
    expect(returneeTags(f.heads.get(household)!)).toHaveLength(1);
    const changed = await staff.call('screening.visit', {
      roundId: round,
      householdId: household,
      result: 'visited',
      findings: { returnee: false, symptoms: false, needs: '需要送药上门' },
    });
    expect(changed).toMatchObject({ attempts: 3, returnee: false, needs: '需要送药上门' });
    expect(needsOf(household)).toHaveLength(2);
  });

  it('audits every visit on its building: the first result, and each correction with what it replaced', async () => {
    const worker = await signIn(f.runtime, ROLE_USERS.grid_worker);
    const admin = await signIn(f.runtime, 'admin');
    const household = mine[1];
    await worker.call('screening.visit', { roundId: round, householdId: household, result: 'nobody_home', note: '邻居说出差' });
    await worker.call('screening.visit', { roundId: round, householdId: household, result: 'visited', findings: { returnee: false, symptoms: true, needs: '需要代购药品' } });
    const log = await admin.call('audit.query', { action: 'screening.*', limit: 10 });
    const visits = log.entries.filter((e) => e.action !== 'screening.start');
    expect(visits.map((e) => e.action)).toEqual(['screening.visit.correct', 'screening.visit']);
    const room = f.sqlite.prepare('SELECT room FROM households WHERE id = ?').pluck().get(household);
    const address = f.sqlite.prepare('SELECT address FROM buildings WHERE id = ?').pluck().get(b1);
    expect(visits[1]).toMatchObject({ target: b1, targetName: address, actorName: expect.any(String), detail: { roundId: round, householdId: household, room, result: 'nobody_home', attempt: 1 } });
    expect(visits[0]).toMatchObject({ target: b1, detail: { result: 'visited', previous: 'nobody_home', attempt: 2, symptoms: true, needs: true } });
    // What was written at the door stays out of the log.
    expect(JSON.stringify(visits)).not.toContain('代购');
    expect(JSON.stringify(visits)).not.toContain('出差');
  });

  it('keeps the round\'s counts equal to a recount of its visits through results and corrections', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const [a, b, c] = [...f.households.get(f.building3)!, f.households.get(f.territory.buildings[1]!)!.at(-1)] as [string, string, string];
    await staff.call('screening.visit', { roundId: round, householdId: a, result: 'nobody_home' });
    await staff.call('screening.visit', { roundId: round, householdId: a, result: 'visited' });
    await staff.call('screening.visit', { roundId: round, householdId: b, result: 'refused' });
    await staff.call('screening.visit', { roundId: round, householdId: c, result: 'nobody_home' });
    await staff.call('screening.visit', { roundId: round, householdId: c, result: 'nobody_home' });
    const recount = f.sqlite
      .prepare(
        `SELECT sum(result = 'visited') AS visited, sum(result = 'nobody_home') AS nobodyHome, sum(result = 'refused') AS refused
           FROM screening_visits WHERE round_id = ?`,
      )
      .get(round) as { visited: number; nobodyHome: number; refused: number };
    const listed = (await staff.call('screening.rounds', {})).find((r) => r.id === round)!;
    expect(listed).toMatchObject(recount);
    expect(recount.refused).toBeGreaterThan(0);
    expect(recount.nobodyHome).toBeGreaterThan(0);
  });

  it('queues a household nobody answered again, and takes a refusal as done', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const [, away, refusing] = mine;
    expect(await staff.call('screening.visit', { roundId: round, householdId: away, result: 'nobody_home', note: '敲门无人' })).toMatchObject({
      result: 'nobody_home',
      attempts: 1,
      returnee: false,
      needs: null,
    });
    expect(await staff.call('screening.visit', { roundId: round, householdId: away, result: 'nobody_home', findings: { returnee: false, symptoms: false } })).toMatchObject({
      attempts: 2,
    });
    expect(await staff.call('screening.visit', { roundId: round, householdId: refusing, result: 'refused' })).toMatchObject({ result: 'refused', attempts: 1 });
    const queue = await staff.call('screening.households', {
      roundId: round,
      buildingId: b1,
      results: ['pending', 'nobody_home'],
    });
    // 1单元101 nobody home, 1单元201 and 1单元301 pending; 2单元201 refused is done.
    expect(queue.rows.map((r) => r.householdId)).toEqual([away, mine[3], mine[0]]);
    expect(queue.total).toBe(3);
    expect(needsOf(away!)).toEqual([]);
  });

  it('refuses findings with a result other than visited, writing nothing', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const before = fingerprint(f.sqlite);
    expect(
      await staff.reply('screening.visit', { roundId: round, householdId: mine[3], result: 'refused', findings: { returnee: false, symptoms: false, needs: '要米面' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'findings' } });
    expect(fingerprint(f.sqlite)).toBe(before);
  });

  it('refuses a household outside the round and an unknown round, writing nothing', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const grid3Round = (await staff.callJob('screening.start', { scope: { type: 'grids', ids: [f.grid3] } })).id;
    const before = fingerprint(f.sqlite);
    expect(
      await staff.reply('screening.visit', { roundId: grid3Round, householdId: mine[1], result: 'visited', findings: { returnee: true, symptoms: false, needs: '买菜' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'householdId', message: expect.stringContaining('该户不在本轮摸排范围内') } });
    expect(
      await staff.reply('screening.visit', { roundId: '01900000-0000-7000-8000-00000000fffe', householdId: mine[1], result: 'visited' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'roundId' } });
    expect(fingerprint(f.sqlite)).toBe(before);
  });

  it('refuses visits to a closed round, and closing twice', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const r = (await staff.callJob('screening.start', { scope: { type: 'grids', ids: [f.grid3] }, name: '观海复查' })).id;
    const closed = await staff.call('screening.close', { roundId: r });
    expect(closed.closedAt).toBeGreaterThan(0);
    expect(closed.households).toBe(2);
    const before = fingerprint(f.sqlite);
    expect(await staff.reply('screening.visit', { roundId: r, householdId: f.households.get(f.building3)![0]!, result: 'visited' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('本轮摸排已结束') },
    });
    expect(await staff.reply('screening.close', { roundId: r })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await staff.reply('screening.close', { roundId: '01900000-0000-7000-8000-00000000fffe' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fingerprint(f.sqlite)).toBe(before);
  });

  it('lets a grid worker record visits in their grids only, and the leader none', async () => {
    const worker = await signIn(f.runtime, ROLE_USERS.grid_worker);
    expect(await worker.call('screening.visit', { roundId: round, householdId: mine[3], result: 'visited' })).toMatchObject({
      visitedBy: 'wangge 用户',
      attempts: 1,
    });
    const leader = await signIn(f.runtime, ROLE_USERS.leader);
    const before = fingerprint(f.sqlite);
    const elsewhere = f.households.get(f.otherGrid.building)![0]!;
    expect(await worker.reply('screening.visit', { roundId: round, householdId: elsewhere, result: 'visited' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await leader.reply('screening.visit', { roundId: round, householdId: mine[3], result: 'visited' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fingerprint(f.sqlite)).toBe(before);
  });
});
