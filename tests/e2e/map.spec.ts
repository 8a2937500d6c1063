import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readDb } from './support/db';
import { openMap } from './support/map';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';

let server: TestServer;
let truth: { total: number; byStatus: Record<string, number>; sample: { id: string; address: string; status: string } };

test.beforeEach(async () => {
  server = await startServerForTest();
  // The expected figures come straight from the SQLite file, not from the app.
  truth = readDb(server, (db) => ({
    total: (db.prepare('SELECT count(*) n FROM buildings WHERE deleted = 0').get() as { n: number }).n,
    byStatus: Object.fromEntries(
      (db.prepare('SELECT status, count(*) n FROM buildings WHERE deleted = 0 GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    ),
    sample: db.prepare(`SELECT id, address, status FROM buildings WHERE status = 'sealed' ORDER BY id LIMIT 1`).get() as typeof truth.sample,
  }));
});

test.afterEach(async () => server?.stop());

/** The colour under a page point, read from a screenshot of that one pixel's neighbourhood. */
async function pixelAt(page: Page, x: number, y: number): Promise<string> {
  const png = await page.screenshot({ clip: { x: Math.round(x) - 1, y: Math.round(y) - 1, width: 3, height: 3 } });
  return png.toString('base64');
}

test('the map draws every building, the legend counts them by status, and nothing logs an error', async ({ page }) => {
  const errors = watchErrors(page);
  await openMap(page, server);
  await expect(page.getByTestId('map')).toHaveAttribute('data-building-count', String(truth.total));
  await expect(page.getByTestId('street-name')).toContainText('街道');
  const legend = page.getByTestId('map-legend');
  await expect(legend).toBeVisible();
  for (const status of ['sealed', 'controlled', 'precaution', 'normal']) {
    await expect(page.getByTestId(`legend-${status}`)).toHaveAttribute('data-count', String(truth.byStatus[status] ?? 0));
  }
  await expect(legend).toContainText('封控');
  await expect(legend).toContainText('正常');
  await page.screenshot({ path: join(ARTIFACTS, 'map.png') });
  expect(errors).toEqual([]);
});

test('clicking a building opens its panel with the right address and status', async ({ page }) => {
  const errors = watchErrors(page);
  await openMap(page, server);
  const point = await page.evaluate((id) => window.__gridDeskMap!.buildingScreenPoint(id), truth.sample.id);
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  const panel = page.getByTestId('building-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-building-id', truth.sample.id);
  await expect(page.getByTestId('building-address')).toHaveText(truth.sample.address);
  await expect(page.getByTestId('building-status-tag')).toContainText('封控');
  await expect(page.getByTestId('building-heads')).toContainText(/楼栋长|弄巷长/);
  await expect(page.getByTestId('building-heads')).toContainText(/\d{3}\*{4}\d{4}/);
  await expect(page.getByTestId('building-history')).toContainText('封控');
  await page.screenshot({ path: join(ARTIFACTS, 'map-panel.png') });
  expect(errors).toEqual([]);
});

test('the buildings toggle hides and shows the drawn buildings', async ({ page }) => {
  await openMap(page, server);
  const point = (await page.evaluate((id) => window.__gridDeskMap!.buildingScreenPoint(id), truth.sample.id))!;
  await page.mouse.move(5, 5);
  const shown = await pixelAt(page, point.x, point.y);
  const toggle = page.getByRole('checkbox', { name: '楼栋' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(() => pixelAt(page, point.x, point.y)).not.toBe(shown);
  await toggle.check();
  await expect.poll(() => pixelAt(page, point.x, point.y)).toBe(shown);
  for (const name of ['社区', '网格', '标注']) await expect(page.getByRole('checkbox', { name })).toBeVisible();
});

test('the page refuses to open without the start secret', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(server.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('token');
  await context.close();
});
