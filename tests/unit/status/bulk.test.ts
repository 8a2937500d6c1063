import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { building, DAY, expectRefused, GHOST, historyOf, LEADER, NOW, openStreet, type Street } from './fixture';

let s: Street;
beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

const base = { status: 'precaution', reason: '周边出现病例，加强防范' };

function batch(id: string) {
  return s.sqlite.prepare('SELECT * FROM status_batches WHERE id = ?').get(id) as { selection: string; building_count: number; status: string };
}

describe('buildings.bulkSetStatus', () => {
  it('changes a lasso selection in one batch with one audit entry and one announcement', () => {
    const ids = [s.t.buildings[0]!, s.t.buildings[1]!, s.other.buildings[0]!];
    const auditBefore = s.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const r = bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'buildings', ids: [...ids, ids[0]!] }, selectionLabel: '套索选择 3 栋', effectiveUntil: NOW + 7 * DAY }, NOW);
    expect(r).toMatchObject({ changed: 3, unchanged: 0, at: NOW });
    for (const id of ids) {
      expect(building(s.sqlite, id)).toMatchObject({ status: 'precaution', status_since: NOW, status_until: NOW + 7 * DAY });
      expect(historyOf(s.sqlite, id).at(-1)).toMatchObject({ batch_id: r.batchId, status: 'precaution' });
    }
    expect(historyOf(s.sqlite, s.other.buildings[0]!).at(-1)!.previous_status).toBe('normal');
    expect(batch(r.batchId)).toMatchObject({ selection: '套索选择 3 栋', building_count: 3, status: 'precaution' });
    expect(s.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore + 1);
    const audit = s.sqlite.prepare('SELECT action, target, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; target: string; detail: string };
    expect(audit).toMatchObject({ action: 'buildings.status.bulk', target: r.batchId });
    expect(JSON.parse(audit.detail)).toMatchObject({ status: 'precaution', count: 3, reason: base.reason });
    expect(s.events).toEqual([{ event: 'map.changed', payload: { revision: expect.any(Number), batchId: r.batchId, statuses: { precaution: [...ids].sort() } } }]);
  });

  it('changes a whole grid, compound or community, composing the label and counting those already set', () => {
    bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'buildings', ids: s.t.buildings.slice(0, 2) }, effectiveUntil: NOW + 7 * DAY }, NOW);
    s.events.splice(0);
    const grid = bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'grid', id: s.t.grid }, effectiveUntil: NOW + 7 * DAY }, NOW + 1000);
    expect(grid).toMatchObject({ changed: 3, unchanged: 2 });
    expect(batch(grid.batchId)).toMatchObject({ selection: '网格 永安西里社区 · 第1网格（5 栋）', building_count: 3 });
    const compound = bulkSetStatus(s.ctx(), { ...base, status: 'controlled', selection: { kind: 'compound', id: s.other.compound } }, NOW + 2000);
    expect(batch(compound.batchId).selection).toBe('楼院 鱼山小区（3 栋）');
    const community = bulkSetStatus(s.ctx(), { ...base, status: 'controlled', selection: { kind: 'community', id: s.other.community } }, NOW + 3000);
    expect(community).toMatchObject({ changed: 0, unchanged: 3 });
    expect(batch(community.batchId).selection).toBe('社区 大学路社区（3 栋）');
    expect(s.events.map((e) => e.event)).toEqual(['map.changed', 'map.changed', 'data.changed']);
  });

  it('refuses an empty selection or one with no buildings, writing nothing', () => {
    expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'buildings', ids: [] } }, NOW), 'INVALID_INPUT', 'selection', ['没有选中任何楼栋']);
    expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'compound', id: s.other.emptyCompound } }, NOW), 'INVALID_INPUT', 'selection', ['没有选中任何楼栋', '空院']);
  });

  it('refuses a selection with unknown ids, naming up to five, writing nothing', () => {
    const ghosts = Array.from({ length: 7 }, (_, i) => `01900000-0000-7000-8000-0000000de${String(i).padStart(3, '0')}`);
    const msg = expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'buildings', ids: [s.t.buildings[0]!, ...ghosts] } }, NOW), 'NOT_FOUND', 'selection.ids', ghosts.slice(0, 5));
    expect(msg).not.toContain(ghosts[5]);
    expect(msg).toContain('7 个');
    expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, selection: { kind: 'grid', id: GHOST } }, NOW), 'NOT_FOUND', 'selection.id', ['网格']);
  });

  it('refuses bad status and times before touching anything', () => {
    const sel = { kind: 'grid' as const, id: s.t.grid };
    expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, status: 'nope', selection: sel }, NOW), 'INVALID_INPUT', 'status', ['nope']);
    expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, selection: sel, effectiveFrom: NOW + DAY }, NOW), 'INVALID_INPUT', 'effectiveFrom');
    expectRefused(s, () => bulkSetStatus(s.ctx(), { ...base, selection: sel, effectiveUntil: NOW }, NOW), 'INVALID_INPUT', 'effectiveUntil', ['结束时间须晚于生效时间']);
    expectRefused(s, () => bulkSetStatus(s.ctx(LEADER), { ...base, selection: sel }, NOW), 'FORBIDDEN');
  });

  it('keeps grid workers inside their grids: a selection reaching into another grid is refused whole', () => {
    const mixed = [s.t.buildings[0]!, s.other.buildings[1]!];
    expectRefused(s, () => bulkSetStatus(s.ctx(s.worker), { ...base, status: 'sealed', selection: { kind: 'buildings', ids: mixed } }, NOW + 5000), 'FORBIDDEN');
    expectRefused(s, () => bulkSetStatus(s.ctx(s.worker), { ...base, status: 'sealed', selection: { kind: 'community', id: s.other.community } }, NOW + 5000), 'FORBIDDEN');
    expect(bulkSetStatus(s.ctx(s.worker), { ...base, status: 'sealed', selection: { kind: 'grid', id: s.t.grid } }, NOW + 5000).changed).toBe(5);
  });
});
