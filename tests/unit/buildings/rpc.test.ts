import { openStoredFile } from '../../../db/files/store';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
let events: { event: string; payload: unknown }[];

beforeEach(() => {
  t = makeRuntime();
  events = [];
  t.runtime.onEvent((event, payload) => events.push({ event, payload }));
});
afterEach(() => t.runtime.close());

describe('buildings through the contract', () => {
  it('lists with the contract’s defaults and refuses bad input with the field named', async () => {
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    const listed = await leader.call('buildings.list', {});
    expect(listed.total).toBe(4);
    expect(listed.rows[0]!.address).toBe('中山路街道 永安西里社区 26号院 1号楼');
    expect(await leader.call('buildings.list', { filter: { search: 'zsl' }, sort: { key: 'residents', order: 'desc' }, pageSize: 10 })).toMatchObject({ total: 4 });
    expect(await leader.reply('buildings.list', { pageSize: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'pageSize' } });
    expect(await leader.reply('buildings.list', { filter: { communityId: '01900000-0000-7000-8000-00000000dead' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'filter.communityId' },
    });
  });

  it('exports a workbook a spreadsheet opens, and audits it', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const started = await staff.call('buildings.export', { filter: { gridIds: [t.otherGrid.grid] } });
    expect(started).toMatchObject({ kind: 'buildings.export', label: '导出楼栋 Excel' });
    const job = await t.runtime.jobs.wait(started.id);
    expect(job).toMatchObject({ state: 'done', result: { rows: 1 }, summary: '已导出 1 栋楼' });
    expect(job.file!.name).toMatch(/^楼栋列表-\d{8}-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(openStoredFile(t.dataDir, job.file!.fileId, { id: job.ownerId }).path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['楼栋', '说明']);
    expect(wb.getWorksheet('楼栋')!.getCell('A2').value).toBe('中山路街道 永安西里社区 海滨花园 1号楼');
    const admin = await signIn(t.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'buildings.export', limit: 1 });
    expect(log.entries[0]).toMatchObject({ actorName: 'zhiban 用户', detail: { rows: 1, filterText: '网格：永安西里社区 · 第2网格' } });
  });

  it('adds and completes a need, announcing each change to every window', async () => {
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const building = t.territory.buildings[0]!;
    expect(await worker.reply('buildings.addNeed', { buildingId: building, kind: 'shopping', detail: '米', requestedBy: '王奶奶' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'detail' },
    });
    const added = await worker.call('buildings.addNeed', { buildingId: building, kind: 'shopping', detail: '米和油', requestedBy: '王奶奶' });
    expect(added).toMatchObject({ kind: 'shopping', doneAt: null });
    expect((await worker.call('buildings.get', { id: building })).openNeeds.map((n) => n.id)).toEqual([added.id]);
    expect(await worker.call('buildings.updateNeed', { id: added.id, done: true })).toMatchObject({ doneBy: 'wangge 用户' });
    expect(await worker.reply('buildings.updateNeed', { id: added.id, done: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(events.filter((e) => e.event === 'data.changed')).toEqual([
      { event: 'data.changed', payload: { domains: ['buildings'] } },
      { event: 'data.changed', payload: { domains: ['buildings'] } },
    ]);
    expect(await worker.call('buildings.get', { id: building })).toMatchObject({ openNeeds: [] });
  });
});
