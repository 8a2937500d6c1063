import type { JobInfo } from '../../../electron/api';
import { openStoredFile } from '../../../db/files/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
const events: { event: string; payload: unknown }[] = [];

beforeAll(() => {
  t = makeRuntime();
  t.runtime.onEvent((event, payload) => events.push({ event, payload }));
});
afterAll(() => t.runtime.close());

describe('buildings through the contract', () => {
  it('lists with the contract’s defaults and refuses bad input with the field named', async () => {
    const { call } = await signIn(t.runtime, ROLE_USERS.leader);
    const reply = await call('buildings.list', {});
    expect(reply).toMatchObject({ ok: true, result: { total: 4 } });
    if (reply.ok) expect((reply.result as { rows: { address: string }[] }).rows.map((r) => r.address)[0]).toBe('中山路街道 永安西里社区 26号院 1号楼');
    expect(await call('buildings.list', { filter: { search: 'zsl' }, sort: { key: 'residents', order: 'desc' }, pageSize: 10 })).toMatchObject({
      ok: true,
      result: { total: 4 },
    });
    expect(await call('buildings.list', { pageSize: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'pageSize' } });
    expect(await call('buildings.list', { filter: { communityId: '01900000-0000-7000-8000-00000000dead' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'filter.communityId' },
    });
  });

  it('exports a workbook a spreadsheet opens, and audits it', async () => {
    const { call } = await signIn(t.runtime, ROLE_USERS.staff);
    const started = await call('buildings.export', { filter: { gridIds: [t.otherGrid.grid] } });
    expect(started).toMatchObject({ ok: true, result: { kind: 'buildings.export', ownerId: expect.any(String) } });
    const job = await t.runtime.jobs.wait((started as { ok: true; result: JobInfo }).result.id);
    expect(job).toMatchObject({ state: 'done', result: { rows: 1 }, summary: '已导出 1 栋楼' });
    expect(job.file!.name).toMatch(/^楼栋列表-\d{8}-\d{4}\.xlsx$/);
    const owner = (await call('jobs.get', { id: job.id })) as { ok: true; result: JobInfo };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(openStoredFile(t.dataDir, job.file!.fileId, { id: owner.result.ownerId }).path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['楼栋', '说明']);
    expect(wb.getWorksheet('楼栋')!.getCell('A2').value).toBe('中山路街道 永安西里社区 海滨花园 1号楼');
    const admin = await signIn(t.runtime, 'admin');
    const log = (await admin.call('audit.query', { action: 'buildings.export', limit: 1 })) as {
      ok: true;
      result: { entries: { actorName: string; detail: { rows: number; filterText: string } }[] };
    };
    expect(log.result.entries[0]).toMatchObject({ actorName: 'zhiban 用户', detail: { rows: 1, filterText: '网格：第2网格' } });
  });

  it('adds and completes a need, announcing each change to every window', async () => {
    const { call } = await signIn(t.runtime, ROLE_USERS.grid_worker);
    events.splice(0);
    const building = t.territory.buildings[0]!;
    expect(await call('buildings.addNeed', { buildingId: building, kind: 'shopping', detail: '米', requestedBy: '王奶奶' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'detail' },
    });
    const added = await call('buildings.addNeed', { buildingId: building, kind: 'shopping', detail: '米和油', requestedBy: '王奶奶' });
    expect(added).toMatchObject({ ok: true, result: { kind: 'shopping', doneAt: null } });
    const id = (added as { ok: true; result: { id: string } }).result.id;
    expect(await call('buildings.updateNeed', { id, done: true })).toMatchObject({ ok: true, result: { doneBy: 'wangge 用户' } });
    expect(await call('buildings.updateNeed', { id, done: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(events.filter((e) => e.event === 'data.changed')).toEqual([
      { event: 'data.changed', payload: { domains: ['buildings'] } },
      { event: 'data.changed', payload: { domains: ['buildings'] } },
    ]);
    const panel = await call('buildings.get', { id: building });
    expect(panel).toMatchObject({ ok: true, result: { openNeeds: [] } });
  });
});
