import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/audit/append';
import type { Actor } from '../../../db/auth/roles';
import { overview } from '../../../db/overview';
import { shiftStart } from '../../../db/overview/since';
import { startRound } from '../../../db/screening/start';
import { uuidv7 } from '../../../db/sync/ids';
import { addHousehold, addIncidentRow, addNeedRow, DAY, openStreet, STAFF, type Street } from '../buildings/fixture';

const HOUR = 3_600_000;
/** 2026-12-02 16:30 local time: the 15:00 shift is on. */
const NOW = new Date(2026, 11, 2, 16, 30).getTime();
const SHIFT = new Date(2026, 11, 2, 15, 0).getTime();
let s: Street;
let zs: string[];
let dx: string[];

const workerOf = (grids: string[]): Actor => ({ id: 'acc-grid', name: '网格员小王', role: 'grid_worker', gridIds: grids, seesPersonalData: false });
const get = (actor: Actor = STAFF, since: 'lastSignIn' | 'shift' = 'shift') => overview(s.ctx(actor), { since }, NOW);

function changeStatus(building: string, status: string, at: number, previous = 'controlled'): void {
  s.sqlite
    .prepare(
      `INSERT INTO building_status_history (id, hlc, origin, building_id, status, previous_status, reason, changed_by, changed_at, effective_from)
       VALUES (?, '000001700000000:00000:test', 'test', ?, ?, ?, '发现密接人员', '值班员小李', ?, ?)`,
    )
    .run(uuidv7(), building, status, previous, at, at);
}

function signedIn(actor: Actor, at: number): void {
  appendAudit(s.sqlite, { actor, action: 'auth.login', target: actor.name, at });
}

beforeEach(() => {
  s = openStreet();
  zs = s.territory.buildings;
  dx = s.other.buildings;
  // Before the shift: 1 change, 1 need, 1 incident; during it: 3 changes (2 buildings), 2 needs, 1 incident (already fixed).
  changeStatus(zs[0]!, 'sealed', SHIFT - 2 * HOUR);
  changeStatus(zs[1]!, 'sealed', SHIFT + HOUR);
  changeStatus(zs[1]!, 'precaution', SHIFT + 90 * 60_000, 'sealed');
  changeStatus(dx[0]!, 'normal', SHIFT + 10 * 60_000, 'sealed');
  addNeedRow(s.sqlite, zs[2]!, SHIFT - 3 * HOUR);
  addNeedRow(s.sqlite, zs[2]!, SHIFT + HOUR);
  addNeedRow(s.sqlite, dx[1]!, SHIFT + 20 * 60_000);
  addNeedRow(s.sqlite, dx[1]!, SHIFT - 5 * DAY, SHIFT - 4 * DAY);
  addIncidentRow(s.sqlite, zs[4]!, SHIFT - 6 * HOUR);
  addIncidentRow(s.sqlite, dx[2]!, SHIFT + 30 * 60_000, SHIFT + 40 * 60_000);
  // Statuses ending: one in 3 hours, one in 23, one in 30 (too late), one already past.
  const until = s.sqlite.prepare('UPDATE buildings SET status_until = ? WHERE id = ?');
  until.run(NOW + 3 * HOUR, zs[3]);
  until.run(NOW + 23 * HOUR, dx[0]);
  until.run(NOW + 30 * HOUR, zs[4]);
  until.run(NOW - HOUR, zs[0]);
});
afterEach(() => s.close());

describe('shiftStart', () => {
  it('is the latest of 07:00, 15:00 and 23:00 not after now, the night shift reaching back a day', () => {
    const at = (d: number, h: number, m = 0) => new Date(2026, 11, d, h, m).getTime();
    expect(shiftStart(at(2, 16, 30))).toBe(at(2, 15));
    expect(shiftStart(at(2, 7))).toBe(at(2, 7));
    expect(shiftStart(at(2, 14, 59))).toBe(at(2, 7));
    expect(shiftStart(at(2, 23, 30))).toBe(at(2, 23));
    expect(shiftStart(at(3, 6, 59))).toBe(at(2, 23));
    expect(shiftStart(at(1, 0, 5))).toBe(new Date(2026, 10, 30, 23).getTime());
  });
});

describe('overview.get', () => {
  it('counts what changed since the shift began, what ends within 24 hours and what is open by community', () => {
    const o = get();
    expect(o.since).toEqual({ kind: 'shift', at: SHIFT, previousSignInAt: null, shiftStartAt: SHIFT });
    expect(o.scope).toBe('street');
    expect(o.statusChanges.buildings).toBe(2);
    expect(o.statusChanges.byStatus).toEqual([
      { status: 'normal', buildings: 1 },
      { status: 'precaution', buildings: 1 },
      { status: 'sealed', buildings: 1 },
    ]);
    expect(o.statusChanges.latest.map((c) => [c.buildingId, c.status, c.previousStatus])).toEqual([
      [zs[1], 'precaution', 'sealed'],
      [zs[1], 'sealed', 'controlled'],
      [dx[0], 'normal', 'sealed'],
    ]);
    expect(o.requests).toMatchObject({ newNeeds: 2, newIncidents: 1, openNeeds: 3, openIncidents: 1, overdue: 0, escalatedSince: 0 });
    expect(o.requests.byCommunity).toEqual([
      { communityId: s.territory.community, communityName: '永安西里社区', openNeeds: 2, openIncidents: 1, overdue: 0, bounds: [[36.06, 120.37], [36.07, 120.38]] },
      { communityId: s.other.community, communityName: '大学路社区', openNeeds: 1, openIncidents: 0, overdue: 0, bounds: [[36.06, 120.39], [36.07, 120.4]] },
    ]);
    expect(o.requests.latest.map((r) => [r.kind, r.buildingId])).toEqual([
      ['need', zs[2]],
      ['incident', dx[2]],
      ['need', dx[1]],
    ]);
    expect(o.ending.total).toBe(2);
    expect(o.ending.items).toMatchObject([
      { buildingId: zs[3], until: NOW + 3 * HOUR, gridName: '永安西里社区 · 第1网格' },
      { buildingId: dx[0], until: NOW + 23 * HOUR, gridName: '大学路社区 · 大学路第1网格' },
    ]);
    expect(o.screening).toBeNull();
  });

  it('counts the open requests past their limit by community, and escalates them in their history', () => {
    const late = addNeedRow(s.sqlite, zs[3]!, NOW - 25 * HOUR);
    const o = get();
    expect(o.requests).toMatchObject({ overdue: 1, escalatedSince: 1 });
    expect(o.requests.byCommunity[0]).toMatchObject({ communityId: s.territory.community, overdue: 1, openNeeds: 3 });
    const history = s.sqlite.prepare(`SELECT action, at, note FROM request_events WHERE request_id = ?`).all(late);
    expect(history).toEqual([{ action: 'escalate', at: NOW - HOUR, note: '超过 24 小时未受理，督办' }]);
    expect(get().requests.overdue).toBe(1);
    expect(s.sqlite.prepare(`SELECT count(*) FROM request_events WHERE request_id = ?`).pluck().get(late)).toBe(1);
  });

  it('counts since this account’s previous sign-in when asked, and from the shift when there was none', () => {
    expect(get(STAFF, 'lastSignIn').since).toMatchObject({ kind: 'lastSignIn', at: SHIFT, previousSignInAt: null });
    signedIn(STAFF, SHIFT - 4 * HOUR);
    signedIn({ ...STAFF, id: 'acc-other' }, SHIFT + 2 * HOUR);
    signedIn(STAFF, NOW - 60_000);
    const o = get(STAFF, 'lastSignIn');
    expect(o.since).toEqual({ kind: 'lastSignIn', at: SHIFT - 4 * HOUR, previousSignInAt: SHIFT - 4 * HOUR, shiftStartAt: SHIFT });
    // The earlier sign-in reaches back before the shift: the change at SHIFT - 2 h counts now, the need at SHIFT - 3 h too.
    expect(o.statusChanges.buildings).toBe(3);
    expect(o.requests.newNeeds).toBe(3);
    expect(o.requests.newIncidents).toBe(1);
    expect(get(STAFF, 'shift').statusChanges.buildings).toBe(2);
  });

  it('covers only a grid worker’s grids', () => {
    const o = get(workerOf([s.other.grid]));
    expect(o.scope).toBe('grids');
    expect(o.statusChanges.buildings).toBe(1);
    expect(o.statusChanges.latest.map((c) => c.buildingId)).toEqual([dx[0]]);
    expect(o.requests).toMatchObject({ newNeeds: 1, newIncidents: 1, openNeeds: 1, openIncidents: 0 });
    expect(o.requests.byCommunity.map((c) => c.communityId)).toEqual([s.other.community]);
    expect(o.ending.items.map((e) => e.buildingId)).toEqual([dx[0]]);
    expect(get(workerOf([])).statusChanges.buildings).toBe(0);
  });

  it('shows the open screening round with the counts of the caller’s scope', () => {
    for (const [i, b] of [zs[0]!, zs[1]!, dx[0]!].entries()) addHousehold(s.sqlite, b, `1单元10${i}`);
    const round = startRound(s.ctx(STAFF), { scope: { type: 'street' } });
    expect(get().screening).toMatchObject({ id: round.id, number: round.number, households: 3, visited: 0, closedAt: null });
    expect(get(workerOf([s.other.grid])).screening).toMatchObject({ id: round.id, households: 1 });
    s.sqlite.prepare('UPDATE screening_rounds SET closed_at = ? WHERE id = ?').run(NOW - HOUR, round.id);
    expect(get().screening).toBeNull();
  });
});
