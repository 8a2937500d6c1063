import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { holdWriteLock, readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_TMP } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

const counts = () =>
  readDb(server, (db) => ({
    rounds: db.prepare('SELECT count(*) FROM screening_rounds').pluck().get() as number,
    visits: db.prepare('SELECT count(*) FROM screening_visits').pluck().get() as number,
  }));

test('a street-wide round shows its progress with a cancel button; cancelled, it leaves nothing behind', async ({ page }) => {
  const errors = watchErrors(page);
  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-screening').click();
  await expect(page.getByTestId('screening-page')).toBeVisible();
  const before = counts();

  // Another writer holds the database, so the job waits at its first write (as behind a long one).
  const release = holdWriteLock(server);
  try {
    await page.getByTestId('round-start').click();
    await page.getByTestId('round-start-name').fill('全街道复查');
    await page.getByTestId('round-start-submit').click();
    const job = page.getByTestId('jobs-tray').getByTestId('job');
    await expect(job).toHaveAttribute('data-kind', 'screening.start');
    await expect(job).toContainText('发起入户摸排');
    await expect(job.locator('.ant-progress')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'job-progress.png') });
    await job.getByTestId('job-cancel').click();
  } finally {
    release();
  }
  await expect(page.locator('.ant-notification')).toContainText('发起入户摸排：已取消');
  await expect(page.locator('.ant-notification')).toContainText('未写入任何数据');
  await expect(page.getByTestId('jobs-tray')).toHaveCount(0);
  expect(counts()).toEqual(before);
  await expect(page.getByTestId('round-row-3')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an export runs as a job and its workbook is downloaded by stream from the file store', async ({ page }) => {
  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-buildings').click();
  await expect(page.getByTestId('buildings-total')).toContainText('400');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('buildings-export').click()]);
  expect(new URL(download.url()).pathname).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
  expect(download.suggestedFilename()).toMatch(/^楼栋列表-\d{8}-\d{4}\.xlsx$/);
  const file = join(E2E_TMP, `job-export-${Date.now()}.xlsx`);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet('楼栋')!.rowCount).toBe(401);
  await expect(page.locator('.ant-message')).toContainText('400');
  const jobs = await page.request.post(`${server.origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method: 'jobs.list', input: {} } });
  expect(((await jobs.json()) as { result: { kind: string; state: string }[] }).result[0]).toMatchObject({ kind: 'buildings.export', state: 'done' });
});
