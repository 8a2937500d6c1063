import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../db/validation/id-number';
import { chooseOption } from './support/antd';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => server?.stop());

const id = (first17: string) => first17 + idNumberCheckChar(first17);

/** A sign-up sheet as a community keeps it: its own header wording and order, good rows and the usual damage. */
async function signUpSheet(community: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名表');
  sheet.addRows([
    ['序号', '名字', '性别', '手机号码', '证件号码', '出生年月', '身份', '所属社区', '专长'],
    [1, '欧阳娜娜', '女', '13912340001', id('37020219920315242'), '1992年3月15日', '青年志愿者', community, '医护、外语'],
    [2, '司徒建军', '男', '１３９ １２３４ ０００２', '', '1975.6.1', '党员', community, '驾驶'],
    [3, '皇甫秀兰', '女', '13912340003', '370202199203152429', '', '群众', community, ''],
    [4, '公孙大力', '男', '13912340004', '3.70202E+17', '', '群众', community, ''],
    [5, '', '男', '13912340005', '', '', '群众', community, ''],
    [6, '欧阳娜娜', '女', '13912340001', '', '', '群众', community, ''],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a duty officer imports a sign-up sheet through the preview, reads the report, finds a volunteer by pinyin, pauses them and exports the roster', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const community = readDb(server, (db) => db.prepare<unknown[], string>('SELECT name FROM communities ORDER BY code LIMIT 1').pluck().get()!);
  const before = readDb(server, (db) => db.prepare('SELECT count(*) FROM volunteer_profiles').pluck().get() as number);
  expect(before).toBeGreaterThan(100);

  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-volunteers').click();
  await expect(page.getByTestId('volunteers-page')).toBeVisible();
  await expect(page.getByTestId('volunteer-row').first()).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'volunteers-roster.png') });

  await page.getByTestId('volunteer-import').click();
  const wizard = page.getByTestId('import-wizard');
  const chooser = page.waitForEvent('filechooser');
  await wizard.getByTestId('import-pick').click();
  await (await chooser).setFiles({ name: '志愿者报名表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await signUpSheet(community) });

  await expect(wizard.getByTestId('import-preview')).toBeVisible();
  await expect(wizard.getByTestId('import-count-create')).toHaveText('新增 1');
  await expect(wizard.getByTestId('import-count-reject')).toHaveText('未通过 5');
  await expect(wizard.getByTestId('import-row-4').getByTestId('import-reason')).toContainText('校验码');
  await expect(wizard.getByTestId('import-row-5').getByTestId('import-reason')).toContainText('存成了数字');
  await page.screenshot({ path: join(ARTIFACTS, 'volunteers-import-preview.png') });
  expect(readDb(server, (db) => db.prepare('SELECT count(*) FROM volunteer_profiles').pluck().get())).toBe(before);

  await wizard.getByTestId('import-apply').click();
  await page.getByTestId('import-apply-confirm').click();
  await expect(wizard.getByTestId('import-done')).toContainText('新增 1 行');

  const download = page.waitForEvent('download');
  await wizard.getByTestId('import-report').click();
  const report = new ExcelJS.Workbook();
  await report.xlsx.load(readFileSync(await (await download).path()) as unknown as ArrayBuffer);
  const reported = report.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[])[1]);
  expect(reported).toEqual([2, 4, 5, 6, 7]);
  expect(String(report.worksheets[0]!.getRow(2).getCell(3).value)).toContain('在第 7 行也出现了');
  await wizard.getByTestId('import-close').click();
  expect(readDb(server, (db) => db.prepare('SELECT count(*) FROM volunteer_profiles').pluck().get())).toBe(before + 1);

  // 司徒建军 (stjj): the full-width phone was folded.
  await page.getByTestId('volunteer-search').locator('input').fill('stjj');
  const row = page.getByTestId('volunteer-row').filter({ hasText: '司徒建军' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('139****0002');
  await row.click();
  const view = page.getByTestId('volunteer-view');
  await expect(view.getByTestId('volunteer-name')).toHaveText('司徒建军');
  await expect(view.getByTestId('volunteer-status')).toHaveText('在岗');
  await view.getByTestId('volunteer-change-status').click();
  await chooseOption(page, page.getByTestId('status-select'), '暂停');
  await page.getByTestId('status-reason').fill('外出务工一个月');
  await page.getByTestId('status-ok').click();
  await expect(view.getByTestId('volunteer-status')).toHaveText('暂停');
  await expect(view.getByTestId('volunteer-history-item').first()).toContainText('在岗 → 暂停');
  await expect(view.getByTestId('volunteer-history-item').first()).toContainText('外出务工一个月');
  await page.screenshot({ path: join(ARTIFACTS, 'volunteers-page.png') });
  const audit = readDb(server, (db) => db.prepare(`SELECT detail FROM audit_log WHERE action = 'volunteers.status' ORDER BY seq DESC LIMIT 1`).pluck().get() as string);
  expect(JSON.parse(audit)).toEqual({ from: 'active', to: 'paused', reason: '外出务工一个月' });

  await view.getByTestId('volunteer-back').click();
  await chooseOption(page, page.getByTestId('volunteer-filter-status'), '暂停');
  await expect(page.getByTestId('volunteer-row')).toHaveCount(1);
  const exported = page.waitForEvent('download');
  await page.getByTestId('volunteer-export').click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await (await exported).path()) as unknown as ArrayBuffer);
  const roster = book.getWorksheet('志愿者名册')!;
  expect((roster.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '性别', '联系电话', '类型', '单位', '社区', '楼栋', '特长', '状态', '已确认值守须知', '队伍']);
  expect(roster.actualRowCount).toBe(2);
  expect((roster.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['司徒建军', '男', '139****0002']);
  expect(roster.getRow(2).getCell(9).value).toBe('暂停');
  expect(errors).toEqual([]);
});

test('an administrator edits a volunteer without seeing their numbers, and keeps the specialties list', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const v = readDb(server, (db) =>
    db
      .prepare(
        `SELECT v.id, p.name, p.phone, p.id_number AS idNumber FROM volunteer_profiles v JOIN people p ON p.id = v.person_id
         WHERE v.deleted = 0 AND p.id_number IS NOT NULL AND v.kind IN ('party', 'youth', 'women', 'public') ORDER BY p.name LIMIT 1`,
      )
      .get() as { id: string; name: string; phone: string; idNumber: string },
  );
  await openSignedIn(page, server, 'admin');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.evaluate(() => (window.location.hash = '#/volunteers?tab=specialties'));
  const tab = page.getByTestId('specialties-tab');
  await expect(tab.getByTestId('specialty-name-医护')).toBeVisible();

  // A new specialty, renamed; one in use is refused with the count.
  await tab.getByTestId('specialty-new').fill('园艺');
  await tab.getByTestId('specialty-add').click();
  await expect(tab.getByTestId('specialty-name-园艺')).toBeVisible();
  await tab.getByTestId('specialty-name-园艺').fill('绿化养护');
  await tab.getByTestId('specialty-rename-园艺').click();
  await expect(tab.getByTestId('specialty-name-绿化养护')).toBeVisible();
  await tab.getByTestId('specialty-delete-医护').click();
  await page.getByTestId('specialty-delete-ok').click();
  await expect(page.locator('.ant-message')).toContainText('不能删除');
  await expect(tab.getByTestId('specialty-name-医护')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'volunteers-specialties.png') });

  // The volunteer's page: the form shows the numbers masked only; left empty they stay.
  await page.getByTestId('volunteers-tab-roster').click();
  await page.getByTestId('volunteer-search').locator('input').fill(v.name);
  await page.getByTestId('volunteer-row').filter({ hasText: v.name }).first().click();
  const view = page.getByTestId('volunteer-view');
  await view.getByTestId('volunteer-edit').click();
  const form = page.getByTestId('volunteer-edit-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('edit-id-number')).toHaveValue('');
  await expect(form.getByTestId('edit-phone')).toHaveValue('');
  await expect(form).not.toContainText(v.idNumber);
  await expect(form).not.toContainText(v.phone);
  await form.getByTestId('edit-building').fill('7号楼');
  await form.getByTestId('edit-skills').locator('input').fill('绿化');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '绿化养护' }).click();
  await form.getByTestId('edit-phone').fill('1380000');
  await page.getByTestId('edit-ok').click();
  await expect(page.getByTestId('edit-error')).toContainText('电话');
  await form.getByTestId('edit-phone').fill('');
  await page.screenshot({ path: join(ARTIFACTS, 'volunteers-edit.png') });
  await page.getByTestId('edit-ok').click();
  await expect(form).toBeHidden();
  await expect(view).toContainText('7号楼');
  await expect(view).toContainText('绿化养护');
  const after = readDb(server, (db) => db.prepare('SELECT p.phone, p.id_number AS idNumber, v.building FROM volunteer_profiles v JOIN people p ON p.id = v.person_id WHERE v.id = ?').get(v.id));
  expect(after).toEqual({ phone: v.phone, idNumber: v.idNumber, building: '7号楼' });
  expect(errors).toEqual([]);
});
