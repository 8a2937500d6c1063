import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { saveStatus } from '../../../db/statuses/save';
import { ADMIN, building, DAY, expectRefused, GHOST, historyOf, HOUR, LEADER, NOW, openStreet, type Street } from './fixture';

let s: Street;
beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

describe('buildings.setStatus', () => {
  it('records who, when, why, from and until, updates the building, and makes a batch of one', () => {
    const id = s.t.buildings[0]!;
    const r = setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '发现确诊病例', effectiveUntil: NOW + 14 * DAY }, NOW);
    expect(r).toMatchObject({ changed: 1, unchanged: 0, at: NOW });
    const h = historyOf(s.sqlite, id).at(-1)!;
    expect(h).toMatchObject({
      status: 'sealed', previous_status: 'controlled', reason: '发现确诊病例', changed_by: '值班员小李', changed_at: NOW,
      effective_from: NOW, effective_until: NOW + 14 * DAY, batch_id: r.batchId, origin: s.host.nodeId,
    });
    const b = building(s.sqlite, id);
    expect(b).toMatchObject({ status: 'sealed', status_since: NOW, status_until: NOW + 14 * DAY, origin: s.host.nodeId, hlc: h.hlc });
    expect(h.hlc > '000001700000000').toBe(true);
    const batch = s.sqlite.prepare('SELECT * FROM status_batches WHERE id = ?').get(r.batchId) as Record<string, unknown>;
    expect(batch).toMatchObject({ status: 'sealed', selection: '中山路街道 永安西里社区 26号院 1号楼', building_count: 1, changed_by: '值班员小李', changed_at: NOW });
    const audit = s.sqlite.prepare('SELECT action, target, actor_id, detail FROM audit_log WHERE target = ?').all(r.batchId) as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'buildings.status.set', actor_id: 'acc-staff' });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ status: 'sealed', count: 1, reason: '发现确诊病例' });
    expect(s.events).toEqual([{ event: 'map.changed', payload: { revision: expect.any(Number), batchId: r.batchId, statuses: { sealed: [id] } } }]);
  });

  it('counts a building that already has exactly that status and end as unchanged, writing no history', () => {
    const id = s.t.buildings[0]!;
    setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '发现确诊病例', effectiveUntil: NOW + 14 * DAY }, NOW);
    s.events.splice(0);
    const before = historyOf(s.sqlite, id).length;
    const r = setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '再次确认', effectiveUntil: NOW + 14 * DAY }, NOW + HOUR);
    expect(r).toMatchObject({ changed: 0, unchanged: 1 });
    expect(historyOf(s.sqlite, id)).toHaveLength(before);
    expect(s.events.map((e) => e.event)).toEqual(['data.changed']);
    // Same status with another end date is a change (an extension).
    expect(setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '延长封控', effectiveUntil: NOW + 21 * DAY }, NOW + HOUR)).toMatchObject({ changed: 1 });
  });

  it('records a decision made earlier, and allows a few minutes of clock skew but not the future', () => {
    const id = s.t.buildings[1]!;
    const r = setBuildingStatus(s.ctx(), { id, status: 'precaution', reason: '昨日会议决定', effectiveFrom: NOW - DAY }, NOW);
    expect(historyOf(s.sqlite, id).at(-1)).toMatchObject({ effective_from: NOW - DAY, changed_at: NOW, batch_id: r.batchId });
    expect(building(s.sqlite, id).status_since).toBe(NOW - DAY);
    expect(setBuildingStatus(s.ctx(), { id, status: 'normal', reason: '时钟略快', effectiveFrom: NOW + 4 * 60_000 }, NOW).changed).toBe(1);
    expectRefused(s, () => setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '明天封控', effectiveFrom: NOW + DAY }, NOW), 'INVALID_INPUT', 'effectiveFrom', ['生效时间', '不能晚于现在']);
  });

  it('refuses an end not after the start', () => {
    const id = s.t.buildings[2]!;
    const msg = expectRefused(s, () => setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '测试原因', effectiveFrom: NOW - DAY, effectiveUntil: NOW - DAY }, NOW), 'INVALID_INPUT', 'effectiveUntil');
    expect(msg).toBe('结束时间须晚于生效时间');
    expectRefused(s, () => setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '测试原因', effectiveUntil: NOW - HOUR }, NOW), 'INVALID_INPUT', 'effectiveUntil');
  });

  it('refuses an unknown or retired status, naming it and listing the valid ones', () => {
    const id = s.t.buildings[2]!;
    expectRefused(s, () => setBuildingStatus(s.ctx(), { id, status: 'lockdown', reason: '测试原因' }, NOW), 'INVALID_INPUT', 'status', ['lockdown', '封控', '管控', '防范', '正常']);
    saveStatus(s.ctx(ADMIN), { key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677ff', rank: 5, retired: true });
    const msg = expectRefused(s, () => setBuildingStatus(s.ctx(), { id, status: 'watch', reason: '测试原因' }, NOW), 'INVALID_INPUT', 'status', ['观察', '已停用', '封控']);
    expect(msg.split('可选的状态')[1]).not.toContain('观察');
  });

  it('refuses an unknown or deleted building naming it, and callers without the right', () => {
    expectRefused(s, () => setBuildingStatus(s.ctx(), { id: GHOST, status: 'sealed', reason: '测试原因' }, NOW), 'NOT_FOUND', 'id', [GHOST]);
    const gone = s.t.buildings[4]!;
    s.sqlite.prepare('UPDATE buildings SET deleted = 1 WHERE id = ?').run(gone);
    expectRefused(s, () => setBuildingStatus(s.ctx(), { id: gone, status: 'sealed', reason: '测试原因' }, NOW), 'NOT_FOUND', 'id', [gone]);
    s.sqlite.prepare('UPDATE buildings SET deleted = 0 WHERE id = ?').run(gone);
    expectRefused(s, () => setBuildingStatus(s.ctx(LEADER), { id: gone, status: 'sealed', reason: '测试原因' }, NOW), 'FORBIDDEN');
  });

  it('lets a grid worker change buildings of their grid only', () => {
    expectRefused(s, () => setBuildingStatus(s.ctx(s.worker), { id: s.other.buildings[0]!, status: 'precaution', reason: '测试原因' }, NOW), 'FORBIDDEN', undefined, ['网格员小王']);
    expect(setBuildingStatus(s.ctx(s.worker), { id: s.t.buildings[3]!, status: 'precaution', reason: '网格员巡查发现' }, NOW).changed).toBe(1);
    expect(historyOf(s.sqlite, s.t.buildings[3]!).at(-1)!.changed_by).toBe('网格员小王');
  });

  it('announces only after the change is committed', () => {
    const id = s.t.buildings[3]!;
    const seen: { inTx: boolean; status: string }[] = [];
    const off = s.host.onEvent((event) => {
      if (event === 'map.changed') seen.push({ inTx: s.sqlite.inTransaction, status: building(s.sqlite, id).status });
    });
    setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '升级封控' }, NOW + 2 * HOUR);
    off();
    expect(seen).toEqual([{ inTx: false, status: 'sealed' }]);
  });
});
