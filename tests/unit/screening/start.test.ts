import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../db/sync/hlc';
import { UUID_RE } from '../../../db/sync/ids';
import { ROLE_USERS, signIn } from '../helpers/runtime';
import { fingerprint, makeScreeningFixture, type ScreeningFixture } from './fixture';

let f: ScreeningFixture;
beforeEach(() => {
  f = makeScreeningFixture();
});
afterEach(() => f.runtime.close());

const visitsOf = (round: string) =>
  f.sqlite.prepare('SELECT id, hlc, origin, household_id, building_id, grid_id, result, attempts FROM screening_visits WHERE round_id = ?').all(round) as {
    id: string;
    hlc: string;
    origin: string;
    household_id: string;
    building_id: string;
    grid_id: string;
    result: string;
    attempts: number;
  }[];

describe('starting a screening round', () => {
  it('over the whole street: one pending visit per household, numbered, named, audited, announced', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    f.events.length = 0;
    const round = await staff.callJob('screening.start', { scope: { type: 'street' } });
    expect(round).toMatchObject({ number: 1, name: '第1轮入户摸排', households: 11, visited: 0, closedAt: null, startedBy: 'zhiban 用户' });
    expect(round.scope).toEqual({ type: 'street', ids: [], label: '中山路街道全街道' });
    const visits = visitsOf(round.id);
    expect(visits).toHaveLength(11);
    expect(new Set(visits.map((v) => v.household_id))).toEqual(new Set([...f.households.values()].flat()));
    for (const v of visits) {
      expect(v.id).toMatch(UUID_RE);
      expect(v).toMatchObject({ result: 'pending', attempts: 0 });
      expect(() => parseHlc(v.hlc)).not.toThrow();
      // building and grid are copied from the household's building
      const b = f.sqlite.prepare('SELECT h.building_id, b.grid_id FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = ?').get(v.household_id);
      expect(b).toEqual({ building_id: v.building_id, grid_id: v.grid_id });
    }
    expect(new Set(visits.map((v) => v.hlc)).size).toBe(11);
    expect(f.sqlite.prepare('SELECT household_count FROM screening_rounds WHERE id = ?').pluck().get(round.id)).toBe(11);
    expect(f.events).toContainEqual({ event: 'data.changed', payload: { domains: ['screening'] } });
    const admin = await signIn(f.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'screening.start', limit: 5 });
    expect(log.entries[0]).toMatchObject({ target: round.id, actorName: 'zhiban 用户', detail: { scope: 'street', households: 11, number: 1 } });
  });

  it('over communities and over grids: only their households, and the next number', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const byCommunity = await staff.callJob('screening.start', { name: '观海社区复查', scope: { type: 'communities', ids: [f.community2] } });
    expect(byCommunity).toMatchObject({ number: 1, name: '观海社区复查', households: 2, scope: { type: 'communities', ids: [f.community2], label: '观海社区' } });
    expect(new Set(visitsOf(byCommunity.id).map((v) => v.household_id))).toEqual(new Set(f.households.get(f.building3)));

    const byGrid = await staff.callJob('screening.start', { scope: { type: 'grids', ids: [f.territory.grid, f.territory.grid] } });
    expect(byGrid).toMatchObject({ number: 2, name: '第2轮入户摸排', households: 7, scope: { ids: [f.territory.grid], label: '永安西里社区 · 第1网格' } });
    expect(new Set(visitsOf(byGrid.id).map((v) => v.grid_id))).toEqual(new Set([f.territory.grid]));
  });

  it('refuses unknown ids and scopes without households, writing nothing', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const before = fingerprint(f.sqlite);
    const unknown = '01900000-0000-7000-8000-00000000ffff';
    expect(await staff.reply('screening.start', { scope: { type: 'communities', ids: [f.community2, unknown] } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'scope.ids', message: expect.stringContaining('1 个社区') },
    });
    expect(await staff.reply('screening.start', { scope: { type: 'grids', ids: [unknown] } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'scope.ids', message: expect.stringContaining('网格') },
    });
    expect(await staff.reply('screening.start', { scope: { type: 'grids', ids: [f.emptyGrid] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'scope', message: expect.stringContaining('没有登记任何住户') },
    });
    expect(await staff.reply('screening.start', { scope: { type: 'grids', ids: [] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await staff.sendUntyped('screening.start', { scope: { type: 'street', ids: [f.territory.grid] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(fingerprint(f.sqlite)).toBe(before);
  });

  it('refuses a name already used by an open round, and allows it once that round has ended', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const open = await staff.callJob('screening.start', { name: '观海社区复查', scope: { type: 'communities', ids: [f.community2] } });
    const before = fingerprint(f.sqlite);
    expect(await staff.reply('screening.start', { name: ' 观海社区复查 ', scope: { type: 'street' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'name' },
    });
    expect(fingerprint(f.sqlite)).toBe(before);
    await staff.call('screening.close', { roundId: open.id });
    const again = await staff.callJob('screening.start', { name: '观海社区复查', scope: { type: 'grids', ids: [f.grid3] } });
    expect(again).toMatchObject({ number: 2, name: '观海社区复查', households: 2 });
  });

  it('lets only administrators and staff start or end a round', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const open = await staff.callJob('screening.start', { scope: { type: 'grids', ids: [f.grid3] } });
    for (const role of ['leader', 'analyst', 'grid_worker'] as const) {
      const user = await signIn(f.runtime, ROLE_USERS[role]);
      const before = fingerprint(f.sqlite);
      expect(await user.reply('screening.start', { scope: { type: 'street' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await user.reply('screening.close', { roundId: open.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(fingerprint(f.sqlite)).toBe(before);
    }
    const admin = await signIn(f.runtime, 'admin');
    expect(await admin.callJob('screening.start', { scope: { type: 'grids', ids: [f.otherGrid.grid] } })).toMatchObject({ households: 2 });
    expect(await staff.call('screening.close', { roundId: open.id })).toMatchObject({ closedAt: expect.any(Number) });
  });

  it('previews the size of a scope and the rounds still open, before anything is written', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const before = fingerprint(f.sqlite);
    expect(await staff.call('screening.preview', { scope: { type: 'street' } })).toEqual({ households: 11, buildings: 4, openRounds: [] });
    expect(await staff.call('screening.preview', { scope: { type: 'communities', ids: [f.community2] } })).toMatchObject({ households: 2, buildings: 1 });
    expect(fingerprint(f.sqlite)).toBe(before);
    const open = await staff.callJob('screening.start', { name: '观海社区复查', scope: { type: 'communities', ids: [f.community2] } });
    const preview = await staff.call('screening.preview', { scope: { type: 'grids', ids: [f.territory.grid] } });
    expect(preview).toMatchObject({ households: 7, openRounds: [{ id: open.id, name: '观海社区复查', households: 2, scope: { label: '观海社区' } }] });
    await staff.call('screening.close', { roundId: open.id });
    expect((await staff.call('screening.preview', { scope: { type: 'street' } })).openRounds).toEqual([]);
    expect(await staff.reply('screening.preview', { scope: { type: 'grids', ids: [f.emptyGrid] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'scope' },
    });
    const worker = await signIn(f.runtime, ROLE_USERS.grid_worker);
    expect(await worker.reply('screening.preview', { scope: { type: 'street' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
