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

  it('records and handles a request through the contract, announcing each change to every window', async () => {
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const building = t.territory.buildings[0]!;
    expect(await worker.reply('requests.create', { buildingId: building, kind: 'shopping', title: '米', source: 'wechat', requester: '王奶奶' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'title' },
    });
    const added = await worker.call('requests.create', { buildingId: building, kind: 'shopping', title: '米和油', source: 'wechat', requester: '王奶奶' });
    expect(added).toMatchObject({ kind: 'shopping', state: 'pending', reportedBy: 'wangge 用户' });
    expect((await worker.call('buildings.get', { id: building })).requests.map((r) => r.id)).toEqual([added.id]);
    await worker.call('requests.accept', { id: added.id, handler: '志愿者小陈' });
    expect(await worker.call('requests.resolve', { id: added.id, resolution: '已送到家' })).toMatchObject({ state: 'resolved', resolvedBy: 'wangge 用户' });
    expect(await worker.reply('requests.resolve', { id: added.id, resolution: '再送一次' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这条诉求现在是「已办结」，不能办结' },
    });
    expect(events.filter((e) => e.event === 'data.changed').map((e) => e.payload)).toEqual([
      { domains: ['requests', 'buildings'] },
      { domains: ['requests', 'buildings'] },
      { domains: ['requests', 'buildings'] },
    ]);
    expect((await worker.call('buildings.get', { id: building })).requests).toMatchObject([{ id: added.id, state: 'resolved' }]);
  });
});
