import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildingHistory } from '../../../db/buildings/status/history';
import { statusReminders } from '../../../db/buildings/status/reminders';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { DAY, expectRefused, GHOST, HOUR, LEADER, NOW, openStreet, type Street } from './fixture';

let s: Street;
beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

describe('buildings.reminders', () => {
  it('lists statuses ending soon or overdue, soonest first, with address and grid, scoped for grid workers', () => {
    const [a, b, c, d] = s.t.buildings as [string, string, string, string];
    const [x] = s.other.buildings as [string];
    setBuildingStatus(s.ctx(), { id: a, status: 'sealed', reason: '封控14天', effectiveFrom: NOW - 14 * DAY, effectiveUntil: NOW - 2 * HOUR }, NOW - 3 * HOUR);
    setBuildingStatus(s.ctx(), { id: b, status: 'controlled', reason: '管控7天', effectiveUntil: NOW + 30 * HOUR }, NOW - 3 * HOUR);
    setBuildingStatus(s.ctx(), { id: c, status: 'controlled', reason: '管控7天', effectiveUntil: NOW + 7 * DAY }, NOW - 3 * HOUR);
    setBuildingStatus(s.ctx(), { id: x, status: 'precaution', reason: '防范3天', effectiveUntil: NOW + 10 * HOUR }, NOW - 3 * HOUR);
    void d;
    const all = statusReminders(s.ctx(LEADER), { withinHours: 48 }, NOW);
    expect(all.map((r) => [r.buildingId, r.overdue])).toEqual([[a, true], [x, false], [b, false]]);
    expect(all[0]).toEqual({ buildingId: a, address: '中山路街道 永安西里社区 26号院 1号楼', gridName: '永安西里社区 · 第1网格', status: 'sealed', effectiveUntil: NOW - 2 * HOUR, overdue: true });
    expect(statusReminders(s.ctx(LEADER), { withinHours: 24 * 8 }, NOW)).toHaveLength(4);
    expect(statusReminders(s.ctx(s.worker), { withinHours: 48 }, NOW).map((r) => r.buildingId)).toEqual([a, b]);
    // Lifted: no longer reminded.
    setBuildingStatus(s.ctx(), { id: a, status: 'normal', reason: '解除封控' }, NOW);
    expect(statusReminders(s.ctx(LEADER), { withinHours: 48 }, NOW).map((r) => r.buildingId)).toEqual([x, b]);
  });
});

describe('buildings.history', () => {
  it('gives the full timeline newest first, with batch ids; only a change of several buildings is a bulk one', () => {
    const id = s.t.buildings[4]!;
    const one = setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '第一次' }, NOW + HOUR);
    const bulk = bulkSetStatus(s.ctx(), { status: 'precaution', reason: '第二次', selection: { kind: 'grid', id: s.t.grid } }, NOW + HOUR);
    const h = buildingHistory(s.ctx(LEADER), { id });
    expect(h.map((e) => [e.status, e.previousStatus, e.batchId, e.bulk])).toEqual([
      ['precaution', 'sealed', bulk.batchId, true],
      ['sealed', 'controlled', one.batchId, false],
      ['controlled', 'normal', null, false],
    ]);
    expect(h[0]).toMatchObject({ reason: '第二次', changedBy: '值班员小李', changedAt: NOW + HOUR, effectiveUntil: null });
  });

  it('refuses an unknown building and another grid for a grid worker', () => {
    expectRefused(s, () => buildingHistory(s.ctx(), { id: GHOST }), 'NOT_FOUND', 'id', [GHOST]);
    expectRefused(s, () => buildingHistory(s.ctx(s.worker), { id: s.other.buildings[0]! }), 'FORBIDDEN');
    expect(buildingHistory(s.ctx(s.worker), { id: s.t.buildings[0]! }).length).toBeGreaterThan(0);
  });
});
