import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../db/auth/roles';
import { requestAlerts } from '../../../db/requests/alerts';
import { createRequest, type CreateRequestInput } from '../../../db/requests/create';
import { requestDetail } from '../../../db/requests/detail';
import { requestQueue } from '../../../db/requests/queue';
import { acceptRequest, assignRequest, resolveRequest, revisitRequest } from '../../../db/requests/transitions';
import { addHousehold, LEADER, openStreet, snapshot, STAFF, type Street } from '../buildings/fixture';

const HOUR = 3_600_000;
const T = 1_780_000_000_000;
let s: Street;
const worker = (grids: string[]): Actor => ({ id: 'w', name: '网格员小王', role: 'grid_worker', gridIds: grids, seesPersonalData: false });

function create(extra: Partial<CreateRequestInput> = {}, actor: Actor = STAFF, at = T) {
  return createRequest(s.ctx(actor), { buildingId: s.territory.buildings[0]!, kind: 'facility', title: '楼道灯不亮', source: 'hotline', level: 'community', ...extra }, at);
}

function refused(run: () => unknown, code: string, message?: string): void {
  const before = snapshot(s.sqlite);
  expect(run).toThrow(expect.objectContaining({ code, ...(message ? { message } : {}) }));
  expect(snapshot(s.sqlite), 'a refusal wrote something').toBe(before);
}

beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

describe('a request’s life', () => {
  it('goes 待受理 → 办理中 → 已办结 → 已回访, each step in its history and audited on its building', () => {
    const r = create({ requester: '王奶奶', description: '三至五层' });
    expect(r).toMatchObject({ state: 'pending', dueAt: T + 24 * HOUR, overdue: false, reportedBy: STAFF.name, gridName: '永安西里社区 · 第1网格' });
    acceptRequest(s.ctx(), { id: r.id, handler: '物业老陈' }, T + HOUR);
    assignRequest(s.ctx(), { id: r.id, handler: '区住建局', level: 'higher' }, T + 2 * HOUR);
    const held = requestDetail(s.ctx(), { id: r.id }, T + 2 * HOUR);
    expect(held).toMatchObject({ state: 'handling', level: 'higher', handler: '区住建局', dueAt: T + 72 * HOUR, acceptedBy: STAFF.name });
    resolveRequest(s.ctx(), { id: r.id, resolution: '已更换声控灯' }, T + 30 * HOUR);
    const done = revisitRequest(s.ctx(), { id: r.id, satisfaction: 'satisfied', note: '住户表示满意' }, T + 40 * HOUR);
    expect(done).toMatchObject({ state: 'revisited', satisfaction: 'satisfied', resolution: '已更换声控灯', dueAt: null, escalatedAt: null });
    expect(done.history.map((e) => [e.action, e.fromState, e.toState, e.at - T])).toEqual([
      ['create', null, 'pending', 0],
      ['accept', 'pending', 'handling', HOUR],
      ['assign', 'handling', 'handling', 2 * HOUR],
      ['resolve', 'handling', 'resolved', 30 * HOUR],
      ['revisit', 'resolved', 'revisited', 40 * HOUR],
    ]);
    const audit = s.sqlite.prepare(`SELECT action, target, detail FROM audit_log WHERE action LIKE 'requests.%' ORDER BY seq`).all() as { action: string; target: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(['requests.create', 'requests.accept', 'requests.assign', 'requests.resolve', 'requests.revisit']);
    expect(audit.every((a) => a.target === s.territory.buildings[0])).toBe(true);
    // The log keeps no free text a resident wrote.
    expect(audit.map((a) => a.detail).join()).not.toMatch(/王奶奶|三至五层|已更换声控灯|住户表示满意/);
  });

  it('refuses a step its state does not allow, in words, writing nothing', () => {
    const r = create();
    refused(() => resolveRequest(s.ctx(), { id: r.id, resolution: '已修好' }, T + HOUR), 'CONFLICT', '这条诉求现在是「待受理」，不能办结');
    refused(() => revisitRequest(s.ctx(), { id: r.id, satisfaction: 'basic' }, T + HOUR), 'CONFLICT', '这条诉求现在是「待受理」，不能回访');
    acceptRequest(s.ctx(), { id: r.id }, T + HOUR);
    refused(() => acceptRequest(s.ctx(), { id: r.id }, T + 2 * HOUR), 'CONFLICT', '这条诉求现在是「办理中」，不能受理');
    resolveRequest(s.ctx(), { id: r.id, resolution: '已修好' }, T + 3 * HOUR);
    refused(() => assignRequest(s.ctx(), { id: r.id, handler: '物业' }, T + 4 * HOUR), 'CONFLICT', '这条诉求现在是「已办结」，不能交办');
    refused(() => acceptRequest(s.ctx(), { id: '01900000-0000-7000-8000-00000000dead' }, T), 'NOT_FOUND');
  });

  it('refuses a time received in the future, a household of another building, and writes nothing', () => {
    const elsewhere = addHousehold(s.sqlite, s.territory.buildings[1]!, '2单元101');
    refused(() => create({ receivedAt: T + HOUR }), 'INVALID_INPUT', '收到时间不能晚于现在，请检查日期和时间');
    refused(() => create({ householdId: elsewhere }), 'INVALID_INPUT', '所选住户不住在这栋楼，请在本楼住户中选择');
  });
});

describe('escalation (督办) by the clock', () => {
  it('escalates a request not accepted within 24 hours, once, and keeps it in the history', () => {
    const r = create();
    expect(requestQueue(s.ctx(), { filter: {}, page: 1, pageSize: 50 }, T + 24 * HOUR).rows[0]).toMatchObject({ overdue: false, escalatedAt: null });
    const late = requestQueue(s.ctx(), { filter: {}, page: 1, pageSize: 50 }, T + 24 * HOUR + 1).rows[0]!;
    expect(late).toMatchObject({ overdue: true, escalatedAt: T + 24 * HOUR });
    requestQueue(s.ctx(), { filter: {}, page: 1, pageSize: 50 }, T + 30 * HOUR);
    const history = requestDetail(s.ctx(), { id: r.id }, T + 30 * HOUR).history;
    expect(history.filter((e) => e.action === 'escalate')).toEqual([
      expect.objectContaining({ at: T + 24 * HOUR, actor: '系统', note: '超过 24 小时未受理，督办', toState: 'pending' }),
    ]);
    expect(s.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'requests.escalate'`).pluck().get()).toBe(1);
    // Accepted late: no longer overdue, still marked as escalated once.
    const accepted = acceptRequest(s.ctx(), { id: r.id }, T + 31 * HOUR);
    expect(accepted).toMatchObject({ overdue: false, dueAt: null, escalatedAt: T + 24 * HOUR });
  });

  it('escalates what went up and is not resolved within 3 days, exactly after the limit', () => {
    const r = create({ level: 'higher' });
    acceptRequest(s.ctx(), { id: r.id, handler: '区城管局' }, T + HOUR);
    expect(requestAlerts(s.ctx(), T + 72 * HOUR).overdue).toBe(0);
    const alerts = requestAlerts(s.ctx(), T + 72 * HOUR + 1);
    expect(alerts).toMatchObject({ overdue: 1, buildings: [{ id: s.territory.buildings[0], overdue: 1 }], latest: [{ id: r.id, dueAt: T + 72 * HOUR }] });
    const detail = requestDetail(s.ctx(), { id: r.id }, T + 80 * HOUR);
    expect(detail.history.at(-1)).toMatchObject({ action: 'escalate', at: T + 72 * HOUR, note: '上报上级超过 3 天未办结，督办' });
    resolveRequest(s.ctx(), { id: r.id, resolution: '已清运' }, T + 90 * HOUR);
    expect(requestAlerts(s.ctx(), T + 90 * HOUR).overdue).toBe(0);
  });
});

describe('the queue', () => {
  it('lists overdue first, then the newest, and pages across both', () => {
    const a = create({ title: '第一条' }, STAFF, T);
    const b = create({ title: '第二条' }, STAFF, T + 2 * HOUR);
    const c = create({ title: '第三条' }, STAFF, T + 30 * HOUR);
    const d = create({ title: '第四条' }, STAFF, T + 31 * HOUR);
    acceptRequest(s.ctx(), { id: b.id }, T + 3 * HOUR);
    const now = T + 32 * HOUR;
    const page = requestQueue(s.ctx(), { filter: {}, page: 1, pageSize: 10 }, now);
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([a.id, d.id, c.id, b.id]);
    expect(page.rows.map((r) => r.overdue)).toEqual([true, false, false, false]);
    expect(requestQueue(s.ctx(), { filter: { overdue: true }, page: 1, pageSize: 10 }, now).rows.map((r) => r.id)).toEqual([a.id]);
    expect(requestQueue(s.ctx(), { filter: { states: ['handling'] }, page: 1, pageSize: 10 }, now).rows.map((r) => r.id)).toEqual([b.id]);
    const many = Array.from({ length: 12 }, (_, i) => create({ title: `批量${i}` }, STAFF, T + 31 * HOUR + i).id);
    const second = requestQueue(s.ctx(), { filter: {}, page: 2, pageSize: 10 }, now);
    expect(second.total).toBe(16);
    expect(second.rows.map((r) => r.id)).toEqual([many[2], many[1], many[0], d.id, c.id, b.id]);
  });

  it('shows and lets a grid worker act only within their grids, and a leader only read', () => {
    const mine = create();
    const theirs = create({ buildingId: s.other.buildings[0]! });
    const w = worker([s.territory.grid]);
    expect(requestQueue(s.ctx(w), { filter: {}, page: 1, pageSize: 50 }, T).rows.map((r) => r.id)).toEqual([mine.id]);
    expect(() => requestQueue(s.ctx(w), { filter: { gridId: s.other.grid }, page: 1, pageSize: 50 }, T)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requestDetail(s.ctx(w), { id: theirs.id }, T)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    refused(() => acceptRequest(s.ctx(w), { id: theirs.id }, T), 'FORBIDDEN');
    refused(() => create({ buildingId: s.other.buildings[0]! }, w), 'FORBIDDEN');
    expect(acceptRequest(s.ctx(w), { id: mine.id }, T + HOUR)).toMatchObject({ state: 'handling', acceptedBy: '网格员小王' });
    expect(requestQueue(s.ctx(LEADER), { filter: {}, page: 1, pageSize: 50 }, T).total).toBe(2);
    refused(() => acceptRequest(s.ctx(LEADER), { id: theirs.id }, T), 'FORBIDDEN');
    refused(() => create({}, LEADER), 'FORBIDDEN');
  });
});
