import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRuntime, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
let events: { event: string; payload: unknown }[];
beforeEach(() => {
  t = makeRuntime();
  events = [];
  t.runtime.onEvent((event, payload) => events.push({ event, payload }));
});
afterEach(() => t.runtime.close());

describe('status methods through the contract (encrypted runtime, real sessions)', () => {
  it('sets, bulk-sets, offers and undoes a change, and pushes the events to the windows', async () => {
    const staff = await signIn(t.runtime, 'zhiban');
    const [a, b] = t.territory.buildings as [string, string];
    const one = await staff.call('buildings.setStatus', { id: a, status: 'sealed', reason: '发现确诊病例' });
    expect(one).toMatchObject({ changed: 1, unchanged: 0 });
    expect(events.find((e) => e.event === 'map.changed')).toMatchObject({ payload: { batchId: one.batchId, statuses: { sealed: [a] } } });
    const bulk = await staff.call('buildings.bulkSetStatus', {
      selection: { kind: 'grid', id: t.territory.grid },
      status: 'precaution',
      reason: '全网格防范',
    });
    expect(bulk).toMatchObject({ changed: 3, unchanged: 0 });
    expect(await staff.call('buildings.lastBatch')).toMatchObject({ id: bulk.batchId, selection: '网格 永安西里社区 · 第1网格（3 栋）', changedBy: 'zhiban 用户' });
    const wangge = await signIn(t.runtime, 'wangge');
    expect(await wangge.call('buildings.lastBatch')).toBeNull();
    expect(await wangge.reply('buildings.undoBatch', { batchId: bulk.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await staff.call('buildings.undoBatch', { batchId: bulk.batchId })).toMatchObject({ changed: 3, skipped: 0 });
    const history = await staff.call('buildings.history', { id: a });
    expect(history.map((h) => h.status)).toEqual(['sealed', 'precaution', 'sealed', 'controlled']);
    expect(await staff.call('buildings.get', { id: b })).toMatchObject({ status: 'controlled' });
  });

  it('answers the as-of map by building id, reminders, the status list and safe compounds', async () => {
    const leader = await signIn(t.runtime, 'lingdao');
    const layers = await leader.call('map.layers');
    const asOf = await leader.call('map.statusAsOf', { at: Date.now() + 1000 });
    const { ids, statuses } = layers.buildings;
    expect(asOf.statuses).toEqual(Object.fromEntries(ids.map((id, i) => [id, statuses[i]])));
    expect(Object.keys(asOf.statuses)).toHaveLength(4);
    expect(await leader.call('buildings.reminders', {})).toEqual([]);
    expect(await leader.call('statuses.list')).toMatchObject([{ key: 'sealed' }, { key: 'controlled' }, { key: 'precaution' }, { key: 'normal' }]);
    expect(await leader.call('compounds.safeList')).toEqual([]);
    const staff = await signIn(t.runtime, 'zhiban');
    const compoundId = t.runtime.vault.requireOpen().opened.sqlite.prepare('SELECT compound_id FROM buildings WHERE id = ?').pluck().get(t.otherGrid.building) as string;
    const granted = await staff.call('compounds.designateSafe', { compoundId, grantedAt: Date.now() - 1000, criteria: ['无疫情发生'] });
    expect(granted).toMatchObject({ compoundName: '海滨花园', gridName: '第2网格' });
    expect(await leader.call('compounds.safeList')).toEqual([granted]);
    expect(await staff.call('compounds.revokeSafe', { id: granted.id, reason: '出现病例' })).toEqual({ id: granted.id });
    expect(await leader.call('compounds.safeList')).toEqual([]);
  });

  it('turns bad input into a clear error naming the field', async () => {
    const staff = await signIn(t.runtime, 'zhiban');
    const id = t.territory.buildings[0]!;
    expect(await staff.reply('buildings.setStatus', { id, status: 'sealed', reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
    expect(await staff.reply('buildings.setStatus', { id, status: 'sealed', reason: '测试原因', effectiveUntil: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'effectiveUntil', message: '结束时间须晚于生效时间' },
    });
    expect(await staff.reply('buildings.bulkSetStatus', { selection: { kind: 'buildings', ids: [] }, status: 'sealed', reason: '测试原因' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有选中任何楼栋') },
    });
    expect(await staff.reply('map.changesSince', { revision: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'revision', message: expect.stringContaining('地图版本号不能小于 0') },
    });
    expect(await staff.sendUntyped('buildings.setStatus', { id, reason: '测试原因' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'status' } });
  });
});
