import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRuntime, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
const events: { event: string; payload: unknown }[] = [];
beforeAll(() => {
  t = makeRuntime();
  t.runtime.onEvent((event, payload) => events.push({ event, payload }));
});
afterAll(() => t.runtime.close());

type Ok<T> = { ok: true; result: T };

describe('status methods through the contract (encrypted runtime, real sessions)', () => {
  it('sets, bulk-sets, offers and undoes a change, and pushes the events to the windows', async () => {
    const staff = await signIn(t.runtime, 'zhiban');
    const [a, b] = t.territory.buildings as [string, string];
    const one = (await staff.call('buildings.setStatus', { id: a, status: 'sealed', reason: '发现确诊病例' })) as Ok<{ batchId: string; changed: number }>;
    expect(one).toMatchObject({ ok: true, result: { changed: 1, unchanged: 0 } });
    expect(events.find((e) => e.event === 'map.changed')).toMatchObject({ payload: { batchId: one.result.batchId, statuses: { sealed: [a] } } });
    const bulk = (await staff.call('buildings.bulkSetStatus', {
      selection: { kind: 'grid', id: t.territory.grid },
      status: 'precaution',
      reason: '全网格防范',
    })) as Ok<{ batchId: string }>;
    expect(bulk).toMatchObject({ ok: true, result: { changed: 3, unchanged: 0 } });
    expect(await staff.call('buildings.lastBatch')).toMatchObject({ ok: true, result: { id: bulk.result.batchId, selection: '网格 永安西里社区第1网格（3 栋）', changedBy: 'zhiban 用户' } });
    const wangge = await signIn(t.runtime, 'wangge');
    expect(await wangge.call('buildings.lastBatch')).toEqual({ ok: true, result: null });
    expect(await wangge.call('buildings.undoBatch', { batchId: bulk.result.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await staff.call('buildings.undoBatch', { batchId: bulk.result.batchId })).toMatchObject({ ok: true, result: { changed: 3, skipped: 0 } });
    const history = (await staff.call('buildings.history', { id: a })) as Ok<{ status: string; batchId: string | null }[]>;
    expect(history.result.map((h) => h.status)).toEqual(['sealed', 'precaution', 'sealed', 'controlled']);
    expect((await staff.call('buildings.get', { id: b })) as Ok<{ status: string }>).toMatchObject({ result: { status: 'controlled' } });
  });

  it('answers the as-of map by building id, reminders, the status list and safe compounds', async () => {
    const leader = await signIn(t.runtime, 'lingdao');
    const layers = (await leader.call('map.layers')) as Ok<{ buildings: { ids: string[]; statuses: string[] } }>;
    const asOf = (await leader.call('map.statusAsOf', { at: Date.now() + 1000 })) as Ok<{ statuses: Record<string, string> }>;
    const { ids, statuses } = layers.result.buildings;
    expect(asOf.result.statuses).toEqual(Object.fromEntries(ids.map((id, i) => [id, statuses[i]])));
    expect(await leader.call('buildings.reminders', {})).toMatchObject({ ok: true, result: [] });
    expect(await leader.call('statuses.list')).toMatchObject({ ok: true, result: [{ key: 'sealed' }, { key: 'controlled' }, { key: 'precaution' }, { key: 'normal' }] });
    expect(await leader.call('compounds.safeList')).toEqual({ ok: true, result: [] });
    const staff = await signIn(t.runtime, 'zhiban');
    const compoundId = t.runtime.vault.requireOpen().opened.sqlite.prepare('SELECT compound_id FROM buildings WHERE id = ?').pluck().get(t.otherGrid.building);
    const granted = (await staff.call('compounds.designateSafe', { compoundId, grantedAt: Date.now() - 1000, criteria: ['无疫情发生'] })) as Ok<{ id: string }>;
    expect(granted).toMatchObject({ ok: true, result: { compoundName: '海滨花园', gridName: '第2网格' } });
    expect(await staff.call('compounds.revokeSafe', { id: granted.result.id, reason: '出现病例' })).toEqual({ ok: true, result: { id: granted.result.id } });
  });

  it('turns bad input into a clear error naming the field', async () => {
    const staff = await signIn(t.runtime, 'zhiban');
    const id = t.territory.buildings[0]!;
    expect(await staff.call('buildings.setStatus', { id, status: 'sealed', reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
    expect(await staff.call('buildings.setStatus', { id, status: 'sealed', reason: '测试原因', effectiveUntil: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'effectiveUntil', message: '结束时间须晚于生效时间' },
    });
    expect(await staff.call('buildings.bulkSetStatus', { selection: { kind: 'buildings', ids: [] }, status: 'sealed', reason: '测试原因' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有选中任何楼栋') },
    });

    expect(await staff.call('map.changesSince', { revision: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'revision', message: expect.stringContaining('地图版本号不能小于 0') },
    });
  });
});
