import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoredFile } from '../../../db/files/store';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const HOUR = 3_600_000;
let t: TestRuntime;
let clock: number;

beforeEach(() => {
  clock = Date.now();
  // The services' clock is the runtime's: the test moves it (sessions never idle out meanwhile).
  t = makeRuntime({ now: () => clock, idleMinutes: 100_000 });
});
afterEach(() => t.runtime.close());

describe('requests through the contract, on the runtime’s clock', () => {
  it('escalates by the runtime’s clock, and exports the queue as a workbook, overdue first', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const building = t.territory.buildings[0]!;
    const late = await staff.call('requests.create', { buildingId: building, kind: 'medicine', title: '降压药两盒', source: 'hotline', requester: '张大爷' });
    clock += 2 * HOUR;
    const fresh = await staff.call('requests.create', { buildingId: building, kind: 'facility', title: '楼道灯不亮', source: 'photo' });
    expect((await staff.call('requests.list', {})).rows.map((r) => r.overdue)).toEqual([false, false]);

    clock += 23 * HOUR;
    const queue = await staff.call('requests.list', {});
    expect(queue.rows.map((r) => [r.id, r.overdue])).toEqual([[late.id, true], [fresh.id, false]]);
    expect(await staff.call('requests.alerts', {})).toMatchObject({ overdue: 1, buildings: [{ id: building, overdue: 1 }] });
    expect((await staff.call('requests.get', { id: late.id })).history.map((e) => e.action)).toEqual(['create', 'escalate']);

    const started = await staff.call('requests.export', { filter: {} });
    expect(started).toMatchObject({ kind: 'requests.export', label: '导出诉求 Excel' });
    const job = await t.runtime.jobs.wait(started.id);
    expect(job).toMatchObject({ state: 'done', result: { rows: 2 }, summary: '已导出 2 条诉求' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(openStoredFile(t.dataDir, job.file!.fileId, { id: job.ownerId }).path);
    const sheet = wb.getWorksheet('诉求')!;
    expect(sheet.getRow(1).values).toContain('超时/督办');
    expect([sheet.getCell('A2').value, sheet.getCell('B2').value, sheet.getCell('D2').value, sheet.getCell('F2').value]).toEqual(['降压药两盒', '送药', '待受理', '超时']);
    expect(sheet.getCell('A3').value).toBe('楼道灯不亮');
    const admin = await signIn(t.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'requests.export', limit: 1 });
    expect(log.entries[0]).toMatchObject({ actorName: 'zhiban 用户', detail: { rows: 2 } });
  });

  it('refuses a leader any change and a grid worker another grid’s queue, in Chinese', async () => {
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    const refused = await leader.reply('requests.create', { buildingId: t.territory.buildings[0]!, kind: 'other', title: '帮忙代缴电费', source: 'wechat' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('领导') } });
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    expect(await worker.reply('requests.export', { filter: { gridId: t.otherGrid.grid } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
