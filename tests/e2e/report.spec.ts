import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { localDate } from '../../db/report/day';
import { pdfText, squash } from '../shared/pdf-text';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { NEED_KINDS_SQL } from '../../messages/requests';
import { openSignedIn } from './support/sign-in';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

const fmt = (n: number) => n.toLocaleString('zh-CN');
/** A day counted from today where the server runs (this process shares its time zone). */
const dayFromToday = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return localDate(d.getTime());
};
const longDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

test('a duty officer opens 日报: today’s figures match the database, 昨天 and a future day are handled, and printing leaves the report alone', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const now = Date.now();
  const truth = readDb(server, (db) => {
    const one = (sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).pluck().get(params) as number;
    const times = { from: midnight.getTime(), now };
    return {
      office: db.prepare('SELECT name FROM street_offices WHERE deleted = 0').pluck().get() as string,
      buildings: one('SELECT count(*) FROM buildings WHERE deleted = 0'),
      needsIn: one(
        `SELECT count(*) FROM requests n JOIN buildings b ON b.id = n.building_id
          WHERE n.deleted = 0 AND b.deleted = 0 AND n.kind IN ${NEED_KINDS_SQL} AND n.received_at >= @from AND n.received_at <= @now`,
        times,
      ),
      needsOpen: one(
        `SELECT count(*) FROM requests n JOIN buildings b ON b.id = n.building_id
          WHERE n.deleted = 0 AND b.deleted = 0 AND n.kind IN ${NEED_KINDS_SQL} AND n.received_at <= @now AND (n.resolved_at IS NULL OR n.resolved_at > @now)`,
        times,
      ),
      safe: one(
        `SELECT count(*) FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id
          WHERE s.deleted = 0 AND c.deleted = 0 AND s.granted_at <= @now AND (s.revoked_at IS NULL OR s.revoked_at > @now)`,
        times,
      ),
      rounds: one(`SELECT count(*) FROM screening_rounds WHERE deleted = 0 AND started_at <= @now AND (closed_at IS NULL OR closed_at > @now)`, times),
    };
  });
  expect(truth.needsOpen, 'the seed has open requests for help').toBeGreaterThan(0);
  const today = dayFromToday(0);
  const yesterday = dayFromToday(-1);
  const tomorrow = dayFromToday(1);

  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-report').click();
  const doc = page.getByTestId('report-doc');
  await expect(doc).toHaveAttribute('data-date', today);
  await expect(page.getByTestId('report-title')).toHaveText(`${truth.office}疫情防控工作日报`);
  await expect(page.getByTestId('report-date-line')).toContainText(`${longDate(today)}（截至 `);
  await expect(page.getByTestId('report-office')).toContainText(`报送单位：${truth.office}`);
  // Numbered sections, and no place kept for staffing, which does not exist yet.
  await expect(doc.locator('h2')).toHaveText(['一、楼栋管控情况', '二、入户摸排情况', '三、群众求助和事件处置情况', '四、放心楼院']);
  await expect(doc).not.toContainText('排班');
  await expect(page.getByTestId('report-buildings-summary')).toContainText(`全街道共有楼栋 ${fmt(truth.buildings)} 栋`);
  const needsRow = page.getByTestId('report-requests-table').locator('tbody tr').first().locator('td');
  await expect(needsRow.nth(0)).toHaveText('群众求助');
  await expect(needsRow.nth(1)).toHaveText(fmt(truth.needsIn));
  await expect(needsRow.nth(3)).toHaveText(fmt(truth.needsOpen));
  await expect(page.getByTestId('report-safe-summary')).toContainText(`全街道共有放心楼院 ${fmt(truth.safe)} 个`);
  if (truth.rounds > 0) await expect(page.getByTestId('report-screening-table').locator('tbody tr')).toHaveCount(truth.rounds);
  else await expect(page.getByTestId('report-screening-summary')).toHaveText('当日没有正在进行的入户摸排。');
  await expect(page.getByTestId('report-prepared-by')).toContainText('报送人：');
  await expect(page.getByTestId('report-reviewed-by')).toHaveText('审核人：');

  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await page.screenshot({ path: join(ARTIFACTS, `report-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // 昨天: the figures as of the end of yesterday.
  await page.getByTestId('report-date').click();
  await page.locator('.ant-picker-presets li').filter({ hasText: '昨天' }).click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/report?date=${yesterday}`);
  await expect(doc).toHaveAttribute('data-date', yesterday);
  await expect(page.getByTestId('report-date-line')).toHaveText(`${longDate(yesterday)}（截至当日 24 时）`);

  // A future day, typed: refused with a message, the report stays on yesterday.
  const input = page.getByTestId('report-date');
  await input.click();
  await input.fill(tomorrow);
  await input.press('Enter');
  await expect(page.locator('.ant-message')).toContainText(`${tomorrow} 还没有到`);
  await expect(doc).toHaveAttribute('data-date', yesterday);
  // … and asked for in the address: the service refuses it in words.
  await page.evaluate(() => (window.location.hash = '#/report?date=2099-01-01'));
  await expect(page.getByTestId('report-error')).toContainText('2099-01-01 还没有到，不能生成日报');
  await page.evaluate(() => (window.location.hash = '#/report'));
  await expect(doc).toHaveAttribute('data-date', today);

  // 打印 prints the page; printed, only the report is on it.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void (w.printed += 1);
  });
  await page.getByTestId('report-print').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(doc).toBeVisible();
  await expect(page.getByTestId('nav')).toBeHidden();
  await expect(page.getByTestId('report-date')).toBeHidden();
  await expect(page.getByTestId('search-box')).toBeHidden();
  await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // 导出 PDF: the service writes the day's report as a PDF in a job; the page saves it when done.
  await page.getByTestId('report-date').click();
  await page.locator('.ant-picker-presets li').filter({ hasText: '昨天' }).click();
  await expect(doc).toHaveAttribute('data-date', yesterday);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
  expect(new URL(download.url()).pathname).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
  expect(download.suggestedFilename()).toBe(`${truth.office}疫情防控工作日报-${yesterday}.pdf`);
  const file = join(ARTIFACTS, 'report.pdf');
  await download.saveAs(file);
  const pdf = await pdfText(file);
  const onPage = async (testId: string) => squash((await page.getByTestId(testId).textContent()) ?? '');
  expect(pdf.text).toContain(`${truth.office}疫情防控工作日报`);
  expect(pdf.squashed).toContain(squash(`${longDate(yesterday)}（截至当日 24 时）`));
  // The same sentences as the page shows for that day: the same figures, from the same source.
  for (const id of ['report-office', 'report-buildings-summary', 'report-screening-summary', 'report-requests-summary', 'report-safe-summary', 'report-prepared-by']) {
    expect(pdf.squashed, id).toContain(await onPage(id));
  }
  await expect(page.locator('.ant-message')).toContainText(`已保存日报 PDF：${download.suggestedFilename()}`);
  const jobs = await page.request.post(`${server.origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method: 'jobs.list', input: {} } });
  expect(((await jobs.json()) as { result: { kind: string; state: string }[] }).result[0]).toMatchObject({ kind: 'report.exportPdf', state: 'done' });

  expect(errors).toEqual([]);
});

test('a grid worker’s 日报 covers their grids, named under the title', async ({ page }) => {
  const truth = readDb(server, (db) => {
    const grids = JSON.parse(db.prepare(`SELECT grid_ids FROM accounts WHERE username = 'wangge'`).pluck().get() as string) as string[];
    const scope = JSON.stringify(grids);
    return {
      buildings: db.prepare('SELECT count(*) FROM buildings WHERE deleted = 0 AND grid_id IN (SELECT value FROM json_each(?))').pluck().get(scope) as number,
      names: db
        .prepare(`SELECT c.name || ' · ' || g.name FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.id IN (SELECT value FROM json_each(?)) ORDER BY g.code`)
        .pluck()
        .all(scope) as string[],
    };
  });
  expect(truth.names.length).toBeGreaterThan(0);
  await openSignedIn(page, server, 'wangge');
  await page.getByTestId('nav-report').click();
  await expect(page.getByTestId('report-scope')).toHaveText(`统计范围：${truth.names.join('、')}`);
  await expect(page.getByTestId('report-buildings-summary')).toContainText(`所辖网格共有楼栋 ${fmt(truth.buildings)} 栋`);
});
