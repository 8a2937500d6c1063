import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoredFile } from '../../../db/files/store';
import { localDate } from '../../../db/report/day';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';
import { pdfText, squash } from '../../shared/pdf-text';

let t: TestRuntime;
beforeEach(() => {
  t = makeRuntime();
});
afterEach(() => t.runtime.close());

describe('report.daily through the contract', () => {
  it('answers today when no day is given, and a grid worker with their grids named', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const today = localDate(Date.now());
    const r = await staff.call('report.daily', {});
    expect(r).toMatchObject({ date: today, today, scope: 'street', gridNames: [] });
    expect(r.buildings.total).toBeGreaterThan(0);
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const mine = await worker.call('report.daily', { date: today });
    expect(mine.scope).toBe('grids');
    expect(mine.gridNames.length).toBeGreaterThan(0);
    expect(mine.buildings.total).toBeLessThan(r.buildings.total);
  });

  it('refuses a day that has not begun and a day that does not exist in Chinese, naming the field', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const tomorrow = localDate(Date.now() + 86_400_000);
    expect(await staff.reply('report.daily', { date: tomorrow })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'date', key: 'report.futureDate', message: `${tomorrow} 还没有到，不能生成日报；请选择今天或之前的日期` },
    });
    expect(await staff.reply('report.daily', { date: '2026-13-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'date', message: expect.stringContaining('没有这一天') },
    });
  });

  it('exports the day as a PDF in a job thread: the file is the grid worker’s, with their figures, and the export is audited', async () => {
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const today = localDate(Date.now());
    const started = await worker.call('report.exportPdf', {});
    expect(started).toMatchObject({ kind: 'report.exportPdf', label: '导出日报 PDF' });
    const job = await t.runtime.jobs.wait(started.id);
    expect(job).toMatchObject({ state: 'done', result: { date: today, scope: 'grids' }, summary: `已生成 ${today} 日报 PDF` });
    expect(job.file!.name).toMatch(new RegExp(`疫情防控工作日报-${today}\\.pdf$`));
    const figures = await worker.call('report.daily', { date: today });
    const pdf = await pdfText(openStoredFile(t.dataDir, job.file!.fileId, { id: job.ownerId }).path);
    expect(pdf.squashed).toContain(squash(`所辖网格共有楼栋 ${figures.buildings.total.toLocaleString('zh-CN')} 栋`));
    expect(pdf.squashed).toContain(squash(`统计范围：${figures.gridNames.join('、')}`));
    const admin = await signIn(t.runtime, 'admin');
    const log = await admin.call('audit.query', { action: 'report.export_pdf', limit: 1 });
    expect(log.entries[0]).toMatchObject({ target: job.file!.name, detail: { date: today, scope: 'grids' } });
    const tomorrow = localDate(Date.now() + 86_400_000);
    expect(await worker.reply('report.exportPdf', { date: tomorrow })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date', key: 'report.futureDate' } });
  });
});
