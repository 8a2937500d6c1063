import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { lastBatch } from '../../../db/buildings/status/batches';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { undoBatch } from '../../../db/buildings/status/undo';
import { mapRevision } from '../../../db/map/revision';
import { building, DAY, expectRefused, GHOST, historyOf, HOUR, NOW, openStreet, STAFF2, type Street } from './fixture';

let s: Street;
beforeEach(() => {
  s?.close();
  s = openStreet();
});
afterAll(() => s.close());

const reason = '误操作测试原因';

describe('buildings.lastBatch / buildings.undoBatch', () => {
  it('offers the caller’s latest change, and undo restores each previous status and end with new entries', () => {
    expect(lastBatch(s.ctx())).toBeNull();
    const [a, b] = [s.t.buildings[0]!, s.other.buildings[0]!];
    setBuildingStatus(s.ctx(), { id: a, status: 'sealed', reason: '先行封控', effectiveUntil: NOW + 3 * DAY }, NOW - DAY);
    const first = lastBatch(s.ctx())!;
    expect(first).toMatchObject({ status: 'sealed', buildingCount: 1, changedBy: '值班员小李', undoneByBatchId: null });
    const bulk = bulkSetStatus(s.ctx(), { status: 'precaution', reason, selection: { kind: 'buildings', ids: [a, b] }, effectiveUntil: NOW + 7 * DAY }, NOW);
    expect(lastBatch(s.ctx())).toMatchObject({ id: bulk.batchId, selection: '选择 2 栋', buildingCount: 2, effectiveUntil: NOW + 7 * DAY });
    expect(lastBatch(s.ctx(STAFF2))).toBeNull();
    const historyBefore = s.sqlite.prepare('SELECT * FROM building_status_history ORDER BY rowid').all();
    const revisionBefore = mapRevision(s.sqlite);
    s.events.splice(0);

    const undo = undoBatch(s.ctx(), { batchId: bulk.batchId }, NOW + HOUR);
    expect(undo).toMatchObject({ changed: 2, unchanged: 0, skipped: 0, at: NOW + HOUR });
    expect(building(s.sqlite, a)).toMatchObject({ status: 'sealed', status_since: NOW - DAY, status_until: NOW + 3 * DAY });
    expect(building(s.sqlite, b)).toMatchObject({ status: 'normal', status_until: null });
    // Nothing deleted: the old entries are all still there, plus one new entry per building.
    const historyAfter = s.sqlite.prepare('SELECT * FROM building_status_history ORDER BY rowid').all();
    expect(historyAfter.slice(0, historyBefore.length)).toEqual(historyBefore);
    expect(historyAfter).toHaveLength(historyBefore.length + 2);
    expect(historyOf(s.sqlite, a).at(-1)).toMatchObject({ status: 'sealed', previous_status: 'precaution', batch_id: undo.batchId, effective_until: NOW + 3 * DAY, changed_at: NOW + HOUR });
    const batches = s.sqlite.prepare('SELECT id, undoes_batch_id, undone_by_batch_id, building_count FROM status_batches WHERE id IN (?, ?)').all(bulk.batchId, undo.batchId);
    expect(batches).toEqual(
      expect.arrayContaining([
        { id: bulk.batchId, undoes_batch_id: null, undone_by_batch_id: undo.batchId, building_count: 2 },
        { id: undo.batchId, undoes_batch_id: bulk.batchId, undone_by_batch_id: null, building_count: 2 },
      ]),
    );
    expect(s.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'buildings.status.undo' AND target = ?").pluck().get(undo.batchId)).toBe(1);
    // Announced once, as the next map revision, with each building's restored status.
    expect(s.events).toEqual([{ event: 'map.changed', payload: { revision: revisionBefore + 1, batchId: undo.batchId, statuses: { sealed: [a], normal: [b] } } }]);
    // Undone: nothing left to offer (no stepping back further than the last change).
    expect(lastBatch(s.ctx())).toBeNull();
  });

  it('skips buildings someone changed since, and counts them', () => {
    const [a, b, c] = s.t.buildings;
    const bulk = bulkSetStatus(s.ctx(), { status: 'sealed', reason, selection: { kind: 'buildings', ids: [a!, b!, c!] } }, NOW);
    setBuildingStatus(s.ctx(STAFF2), { id: b!, status: 'precaution', reason: '已核实，降为防范' }, NOW + 10 * 60_000);
    const undo = undoBatch(s.ctx(), { batchId: bulk.batchId }, NOW + HOUR);
    expect(undo).toMatchObject({ changed: 2, skipped: 1 });
    expect(building(s.sqlite, a!).status).toBe('controlled');
    expect(building(s.sqlite, b!).status).toBe('precaution');
    expect(historyOf(s.sqlite, b!).at(-1)!.changed_by).toBe('值班员小赵');
    expect(building(s.sqlite, c!).status).toBe('controlled');
  });

  it('refuses to undo anything but the caller’s latest change, leaving everything as it was', () => {
    const first = bulkSetStatus(s.ctx(), { status: 'sealed', reason, selection: { kind: 'grid', id: s.t.grid } }, NOW);
    const second = setBuildingStatus(s.ctx(), { id: s.other.buildings[0]!, status: 'controlled', reason }, NOW + 1000);
    expectRefused(s, () => undoBatch(s.ctx(), { batchId: first.batchId }, NOW + 2000), 'CONFLICT', 'batchId', ['最近一次']);
    expectRefused(s, () => undoBatch(s.ctx(STAFF2), { batchId: second.batchId }, NOW + 2000), 'CONFLICT', 'batchId', ['本人最近一次']);
    expectRefused(s, () => undoBatch(s.ctx(), { batchId: GHOST }, NOW + 2000), 'NOT_FOUND', 'batchId');
    const undo = undoBatch(s.ctx(), { batchId: second.batchId }, NOW + 2000);
    expectRefused(s, () => undoBatch(s.ctx(), { batchId: second.batchId }, NOW + 3000), 'CONFLICT', 'batchId', ['已经撤销']);
    expectRefused(s, () => undoBatch(s.ctx(), { batchId: undo.batchId }, NOW + 3000), 'CONFLICT', 'batchId', ['不能再撤销']);
    expectRefused(s, () => undoBatch(s.ctx(), { batchId: first.batchId }, NOW + 3000), 'CONFLICT', 'batchId');
  });

  it('does not offer a change that wrote nothing', () => {
    const real = setBuildingStatus(s.ctx(), { id: s.t.buildings[0]!, status: 'sealed', reason }, NOW);
    setBuildingStatus(s.ctx(), { id: s.t.buildings[0]!, status: 'sealed', reason }, NOW + 1000);
    expect(lastBatch(s.ctx())?.id).toBe(real.batchId);
  });
});
