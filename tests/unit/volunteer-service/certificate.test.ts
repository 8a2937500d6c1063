import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openStoredFile } from '../../../db/files/store';
import { uuidv7 } from '../../../db/sync/ids';
import { certificateText, CERTIFICATE_ROWS } from '../../../db/service-hours/certificate-text';
import { pdfText, squash } from '../../shared/pdf-text';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const NOW = new Date(2026, 11, 2, 10).getTime();
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

async function street() {
  const t = (open = makeRuntime({ now: () => NOW }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const id = uuidv7();
  sqlite
    .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source, skills) VALUES (?, 'h', 'test', '孙丽', 'female', '13912345678', '370202198506071234', 'volunteer', '[]')`)
    .run(id);
  return { t, sqlite, admin, id };
}

describe('志愿服务证明 and the ledger export', () => {
  it('writes a one-page PDF with the name, masked ID, period, total, activities, office and day', async () => {
    const { t, admin, id } = await street();
    await admin.call('serviceHours.add', { personId: id, activity: '卡口值守', date: '2026-11-03', hours: 4, confirmedBy: '王书记' });
    await admin.call('serviceHours.add', { personId: id, activity: '卡口值守', date: '2026-11-05', hours: 3.5, confirmedBy: '王书记' });
    await admin.call('serviceHours.add', { personId: id, activity: '核酸检测秩序维护', date: '2026-11-20', hours: 6, confirmedBy: '李主任' });
    const answer = await admin.reply('serviceHours.certificate', { personId: id, from: '2026-11-01', to: '2026-11-30' });
    if (!answer.ok) throw new Error(answer.error.message);
    const job = await t.runtime.jobs.wait(answer.result.id);
    expect(job.error).toBeNull();
    expect(job.file!.name).toBe('志愿服务证明-孙丽-2026-11-01至2026-11-30.pdf');
    const pdf = await pdfText(openStoredFile(t.dataDir, job.file!.fileId, { id: admin.session.accountId! }).path);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.size).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.squashed).toContain('志愿服务证明');
    expect(pdf.squashed).toContain(squash('兹证明 孙丽（身份证号：3702**********1234）于 2026年11月1日 至 2026年11月30日'));
    expect(pdf.squashed).toContain(squash('累计服务时长 13.5 小时'));
    expect(pdf.squashed).toContain(squash('卡口值守2026-11-03 至 2026-11-0527.5'));
    expect(pdf.squashed).toContain(squash('核酸检测秩序维护2026-11-2016'));
    expect(pdf.squashed).toContain(squash('2026年12月2日'));
    expect(pdf.text).not.toContain('370202198506071234');
  });

  it('refuses a period without hours, and keeps a long list on one page', async () => {
    const { t, admin, id } = await street();
    const answer = await admin.reply('serviceHours.certificate', { personId: id, from: '2026-10-01', to: '2026-10-31' });
    if (!answer.ok) throw new Error(answer.error.message);
    const job = await t.runtime.jobs.wait(answer.result.id);
    expect(job).toMatchObject({ state: 'failed', error: { message: '孙丽 在 2026-10-01 至 2026-10-31 没有服务时长记录，不能开具证明' } });
    const entries = Array.from({ length: 40 }, (_, i) => ({ id: `${i}`, kind: 'manual' as const, date: '2026-11-01', activity: `活动${i}`, hours: 1 + i, confirmedBy: '王', communityName: null, noShow: false }));
    const text = certificateText({ name: '孙丽', idNumber: null, from: '2026-11-01', to: '2026-11-30', entries, office: '中山路街道办事处', issuedOn: '2026-12-02', serial: '1' });
    expect(text.activities.rows).toHaveLength(CERTIFICATE_ROWS);
    expect(text.activities.rows.at(-1)).toEqual(['其他 23 项服务', '', '23', String((23 * 24) / 2)]);
  });

  it('exports the month’s ledger, manual entries and shifts, with Chinese headers', async () => {
    const { t, admin, id } = await street();
    await admin.call('serviceHours.add', { personId: id, activity: '卡口值守', date: '2026-11-03', hours: 4, confirmedBy: '王书记', communityId: t.territory.community });
    const answer = await admin.reply('serviceHours.export', { month: '2026-11' });
    if (!answer.ok) throw new Error(answer.error.message);
    const job = await t.runtime.jobs.wait(answer.result.id);
    expect(job.state).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(openStoredFile(t.dataDir, job.file!.fileId, { id: admin.session.accountId! }).path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['时长台账', '个人合计', '队伍合计', '社区合计', '说明']);
    const ledger = wb.getWorksheet('时长台账')!;
    expect((ledger.getRow(1).values as unknown[]).slice(1)).toEqual(['日期', '姓名', '来源', '服务内容', '社区', '时长（小时）', '未到岗', '确认人']);
    expect((ledger.getRow(2).values as unknown[]).slice(1)).toEqual(['2026-11-03', '孙丽', '人工登记', '卡口值守', '永安西里社区', 4, undefined, '王书记']);
    expect((wb.getWorksheet('个人合计')!.getRow(2).values as unknown[]).slice(1)).toEqual(['孙丽', 4, 0, 4, 0, '否']);
  });
});
