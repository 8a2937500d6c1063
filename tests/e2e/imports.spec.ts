import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
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

async function statusWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('状态');
  sheet.addRows([
    ['状态代码', '状态名称', '英文名称', '颜色', '级别'],
    ['watch', '观察', 'Watch', '#1677ff', 5],
    ['precaution', '防范', 'Precaution', '#faad14', 12],
    ['pink', '粉色', 'Pink', '粉红', 7],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('an administrator imports the status list from Excel: preview with reasons, apply, report of the rejected row', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openSignedIn(page, server, 'admin');
  await page.getByTestId('nav-statuses').click();
  await expect(page.getByTestId('statuses-page')).toBeVisible();
  await page.getByTestId('status-import').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByTestId('import-file')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await wizard.getByTestId('import-pick').click();
  await (await chooser).setFiles({ name: '状态列表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await statusWorkbook() });

  const preview = wizard.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(wizard.getByTestId('import-summary')).toHaveText('共 3 行：将新增 1 行、更新 1 行；0 行无变化；1 行冲突或未通过，不会导入。');
  await expect(wizard.getByTestId('import-count-create')).toHaveText('新增 1');
  await expect(wizard.getByTestId('import-count-reject')).toHaveText('未通过 1');
  await expect(wizard.getByTestId('import-row-4').getByTestId('import-reason')).toHaveText('颜色：颜色须为 #rrggbb（填写的是「粉红」）');
  await expect(wizard.getByTestId('import-row-2')).toContainText('新增');
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png') });

  // Filtered to the rejected rows only.
  await wizard.getByTestId('import-count-reject').click();
  await expect(wizard.locator('tbody tr[data-testid^="import-row-"]')).toHaveCount(1);
  await expect(wizard.getByTestId('import-row-4')).toBeVisible();

  // Nothing is written before the user confirms.
  expect(readDb(server, (db) => db.prepare(`SELECT count(*) FROM status_definitions WHERE key = 'watch'`).pluck().get())).toBe(0);

  await wizard.getByTestId('import-apply').click();
  await page.getByTestId('import-apply-confirm').click();
  await expect(wizard.getByTestId('import-done')).toHaveText('新增 1 行，更新 1 行。1 行冲突或未通过，没有导入。');

  const download = page.waitForEvent('download');
  await wizard.getByTestId('import-report').click();
  const file = await (await download).path();
  const report = new ExcelJS.Workbook();
  await report.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  expect(report.worksheets[0]!.getRow(2).values).toEqual([undefined, 4, '未通过', '颜色：颜色须为 #rrggbb（填写的是「粉红」）', 'pink', '粉色', 'Pink', '粉红', '7']);

  await wizard.getByTestId('import-close').click();
  await expect(page.getByTestId('status-row-watch').getByTestId('status-row-label')).toHaveText('观察');
  await expect(page.getByTestId('status-row-precaution').getByTestId('status-row-rank')).toHaveText('12');
  const audits = readDb(server, (db) => db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'imports.apply'`).pluck().get());
  expect(audits).toBe(1);
  expect(errors).toEqual([]);
});

test('a column the wizard cannot place is mapped by hand; a staged import survives leaving the page', async ({ page }) => {
  await openSignedIn(page, server, 'admin');
  await page.getByTestId('nav-statuses').click();
  await page.getByTestId('status-import').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  const csv = '代码,显示名,英文名称,颜色,等级\r\nquiet,静默,Quiet,#eeeeee,2\r\n';
  await (await chooser).setFiles({ name: '静默.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-mapping-problems')).toContainText('必填字段「名称」还没有对应的列');
  await chooseOption(page, page.getByTestId('import-map-label'), '显示名');
  // The list fades out over the rows below it; the button is pressed once it has gone.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.getByTestId('import-map-submit').click();
  await expect(page.getByTestId('import-count-create')).toHaveText('新增 1');

  await page.reload();
  await page.getByTestId('nav-statuses').click();
  await page.getByTestId('status-import').click();
  await expect(page.getByTestId('import-resume')).toContainText('静默.csv');
  await expect(page.getByTestId('import-count-create')).toHaveText('新增 1');
  await page.getByTestId('import-restart').click();
  await expect(page.getByTestId('import-file')).toBeVisible();
});
