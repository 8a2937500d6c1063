import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addIncident, updateIncident } from '../../../db/buildings/incidents';
import { addNeed, updateNeed } from '../../../db/buildings/needs';
import type { Actor } from '../../../db/auth/roles';
import { addHousehold, DAY, LEADER, openStreet, snapshot, type Street } from './fixture';

const NOW = 1_790_000_000_000;
const GHOST = '01900000-0000-7000-8000-00000000dead';
let s: Street;
let b: string;
let mine: string;
let neighbours: string;
let worker: Actor;

/** The call is refused with this code and field, and nothing is written or announced. */
function refused(fn: () => unknown, code: string, field?: string) {
  const before = snapshot(s.sqlite);
  const events = s.events.length;
  expect(fn).toThrow(expect.objectContaining({ code, ...(field ? { field } : {}) }));
  expect(snapshot(s.sqlite)).toBe(before);
  expect(s.events.length).toBe(events);
}

beforeEach(() => {
  s = openStreet();
  b = s.territory.buildings[0]!;
  mine = addHousehold(s.sqlite, b, '2单元301');
  neighbours = addHousehold(s.sqlite, s.territory.buildings[1]!, '1单元101');
  worker = { id: 'w', name: '网格员小王', role: 'grid_worker', gridIds: [s.territory.grid], seesPersonalData: false };
});
afterEach(() => s.close());

describe('needs (代购 / 送药)', () => {
  it('records a need requested now, stamped for sync, and announces it', () => {
    const need = addNeed(s.ctx(), { buildingId: b, householdId: mine, kind: 'medicine', detail: '降压药两盒', requestedBy: '张大爷 2单元301' }, NOW);
    expect(need).toMatchObject({ kind: 'medicine', detail: '降压药两盒', requestedBy: '张大爷 2单元301', requestedAt: NOW, assignee: null, doneAt: null });
    const row = s.sqlite.prepare('SELECT * FROM building_needs WHERE id = ?').get(need.id) as Record<string, unknown>;
    expect(row).toMatchObject({ building_id: b, household_id: mine, origin: s.host.nodeId, deleted: 0 });
    expect(String(row.hlc)).toMatch(/^\d{15}:\d{5}:/);
    expect(need.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(s.events).toEqual([{ event: 'data.changed', payload: { domains: ['buildings'] } }]);
  });

  it('refuses a missing building, a household of another building and a stranger, writing nothing', () => {
    const base = { kind: 'shopping' as const, detail: '米和油', requestedBy: '李阿姨' };
    refused(() => addNeed(s.ctx(), { ...base, buildingId: GHOST }, NOW), 'NOT_FOUND', 'buildingId');
    refused(() => addNeed(s.ctx(), { ...base, buildingId: b, householdId: neighbours }, NOW), 'INVALID_INPUT', 'householdId');
    refused(() => addNeed(s.ctx(), { ...base, buildingId: b, householdId: GHOST }, NOW), 'INVALID_INPUT', 'householdId');
    refused(() => addNeed(s.ctx(LEADER), { ...base, buildingId: b }, NOW), 'FORBIDDEN');
    refused(() => addNeed(s.ctx(worker), { ...base, buildingId: s.other.buildings[0]! }, NOW), 'FORBIDDEN');
    expect(addNeed(s.ctx(worker), { ...base, buildingId: b }, NOW).requestedBy).toBe('李阿姨');
  });

  it('assigns, marks done once by the caller, and calls a second done a conflict', () => {
    const need = addNeed(s.ctx(), { buildingId: b, kind: 'shopping', detail: '蔬菜一袋', requestedBy: '王奶奶' }, NOW);
    expect(updateNeed(s.ctx(), { id: need.id, assignee: '志愿者小陈' }, NOW + 1000)).toMatchObject({ assignee: '志愿者小陈', doneAt: null });
    const before = s.sqlite.prepare('SELECT hlc FROM building_needs WHERE id = ?').pluck().get(need.id) as string;
    const done = updateNeed(s.ctx(), { id: need.id, done: true }, NOW + DAY);
    expect(done).toMatchObject({ assignee: '志愿者小陈', doneAt: NOW + DAY, doneBy: '值班员小李' });
    expect(s.sqlite.prepare('SELECT hlc FROM building_needs WHERE id = ?').pluck().get(need.id)).not.toBe(before);
    refused(() => updateNeed(s.ctx(), { id: need.id, done: true }, NOW + 2 * DAY), 'CONFLICT', 'done');
    refused(() => updateNeed(s.ctx(), { id: GHOST, done: true }, NOW), 'NOT_FOUND', 'id');
    refused(() => updateNeed(s.ctx(), { id: need.id }, NOW), 'INVALID_INPUT');
  });
});

describe('incidents', () => {
  it('records an incident reported by the caller, now or earlier', () => {
    const now = addIncident(s.ctx(), { buildingId: b, title: '楼顶防水层被风掀开' }, NOW);
    expect(now).toMatchObject({ title: '楼顶防水层被风掀开', reportedBy: '值班员小李', reportedAt: NOW, handler: null, fixedAt: null, detail: null });
    const earlier = addIncident(s.ctx(), { buildingId: b, title: '单元门禁损坏', detail: '2单元门禁无法关闭', handler: '物业老赵', reportedAt: NOW - DAY }, NOW);
    expect(earlier).toMatchObject({ reportedAt: NOW - DAY, handler: '物业老赵', detail: '2单元门禁无法关闭' });
    expect(s.events).toHaveLength(2);
  });

  it('refuses a report from the future, a missing building and a stranger, writing nothing', () => {
    refused(() => addIncident(s.ctx(), { buildingId: b, title: '楼道灯不亮', reportedAt: NOW + DAY }, NOW), 'INVALID_INPUT', 'reportedAt');
    refused(() => addIncident(s.ctx(), { buildingId: GHOST, title: '楼道灯不亮' }, NOW), 'NOT_FOUND', 'buildingId');
    refused(() => addIncident(s.ctx(worker), { buildingId: s.other.buildings[1]!, title: '楼道灯不亮' }, NOW), 'FORBIDDEN');
  });

  it('sets the handler and the fix, never before the report, and reopens with null', () => {
    const inc = addIncident(s.ctx(), { buildingId: b, title: '雨水管堵塞', reportedAt: NOW - 2 * DAY }, NOW);
    expect(updateIncident(s.ctx(), { id: inc.id, handler: '物业老赵' }, NOW)).toMatchObject({ handler: '物业老赵', fixedAt: null });
    refused(() => updateIncident(s.ctx(), { id: inc.id, fixedAt: NOW - 3 * DAY }, NOW), 'INVALID_INPUT', 'fixedAt');
    refused(() => updateIncident(s.ctx(), { id: inc.id, fixedAt: NOW + DAY }, NOW), 'INVALID_INPUT', 'fixedAt');
    refused(() => updateIncident(s.ctx(), { id: GHOST, handler: '某人' }, NOW), 'NOT_FOUND', 'id');
    refused(() => updateIncident(s.ctx(), { id: inc.id }, NOW), 'INVALID_INPUT');
    refused(() => updateIncident(s.ctx(LEADER), { id: inc.id, handler: '某人' }, NOW), 'FORBIDDEN');
    const fixed = updateIncident(s.ctx(), { id: inc.id, fixedAt: NOW - DAY, fixNote: '已疏通' }, NOW);
    expect(fixed).toMatchObject({ handler: '物业老赵', fixedAt: NOW - DAY, fixNote: '已疏通' });
    expect(updateIncident(s.ctx(worker), { id: inc.id, fixedAt: null }, NOW)).toMatchObject({ fixedAt: null, fixNote: '已疏通' });
  });
});
