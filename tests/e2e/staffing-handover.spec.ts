import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { readDb, writeDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;
test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

/** Today as the service reckons it (the test server runs in this process's time zone). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the 早班 leaves a handover note the 中班 sees on the board and in the post log; a grid without a 网格员 is filled; posts show on the map', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  const day = today();
  const post = readDb(server, (db) =>
    db
      .prepare(
        `SELECT p.id, p.name, e.id AS early, m.id AS middle FROM duty_posts p
         JOIN shift_templates e ON e.post_id = p.id AND e.name = '早班' AND e.deleted = 0 JOIN shift_templates m ON m.post_id = p.id AND m.name = '中班' AND m.deleted = 0
         WHERE p.deleted = 0 AND NOT EXISTS (SELECT 1 FROM shift_handovers h WHERE h.post_id = p.id) ORDER BY p.id LIMIT 1`,
      )
      .get(),
  ) as { id: string; name: string; early: string; middle: string };

  await openSignedIn(page, server, 'zhiban');
  await page.evaluate(() => (window.location.hash = '#/staffing'));
  await expect(page.getByTestId('staff-board')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('staff-view').getByText('日').click();
  // The demo's posts with a position log hand their notes on: some of today's shifts show one.
  await expect(page.getByTestId('staff-handover-in').first()).toBeVisible();
  const early = page.locator(`[data-testid="staff-cell"][data-cell="${post.id}|${post.early}|${day}"]`);
  const middle = page.locator(`[data-testid="staff-cell"][data-cell="${post.id}|${post.middle}|${day}"]`);
  await early.scrollIntoViewIfNeeded();
  await early.click();
  await early.getByTestId('staff-handover-write').click();
  await page.getByTestId('staff-handover-submit').click();
  await expect(page.getByTestId('staff-handover-form')).toContainText('请填写本班情况');
  await page.getByTestId('staff-handover-happened').fill('上午劝返外地货车两辆，测温枪电量不足已更换');
  await page.getByTestId('staff-handover-watch').fill('傍晚下班高峰人多，注意查验行程卡');
  await page.getByTestId('staff-handover-submit').click();
  await expect(page.getByTestId('staff-handover-form')).toBeHidden();
  await expect(middle.getByTestId('staff-handover-in')).toContainText('傍晚下班高峰人多');
  await expect(early).toContainText('已交接');
  await middle.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-handover-board.png') });
  const row = page.locator(`[data-testid="staff-row"][data-post="${post.name}"]`).first();
  await row.getByTestId('staff-post-log-open').click();
  const log = page.getByTestId('staff-post-log');
  await expect(log.getByTestId('staff-handover-note')).toHaveCount(1);
  await expect(log).toContainText('上午劝返外地货车两辆');
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-post-log.png') });
  const stored = readDb(server, (db) => db.prepare('SELECT happened, watch, date FROM shift_handovers WHERE post_id = ? AND deleted = 0').all(post.id));
  expect(stored).toEqual([{ happened: '上午劝返外地货车两辆，测温枪电量不足已更换', watch: '傍晚下班高峰人多，注意查验行程卡', date: day }]);
  await page.keyboard.press('Escape');
  await expect(log).toBeHidden();

  // The post renamed on the page keeps its place and shifts.
  await row.getByTestId('staff-post-edit').click();
  await page.getByTestId('staff-post-name').fill(`${post.name}（东）`);
  await page.getByTestId('staff-post-submit').click();
  await expect(page.locator(`[data-testid="staff-row"][data-post="${post.name}（东）"]`).first()).toBeVisible();
  expect(readDb(server, (db) => db.prepare('SELECT name, geometry IS NOT NULL AS placed FROM duty_posts WHERE id = ?').get(post.id))).toEqual({ name: `${post.name}（东）`, placed: 1 });

  // A grid whose 网格员 left: the coverage view lists it, and the duty officer appoints one.
  const grid = writeDb(server, (db) => {
    const g = db.prepare(`SELECT g.id, g.name FROM grids g WHERE g.deleted = 0 ORDER BY g.code LIMIT 1 OFFSET 2`).get() as { id: string; name: string };
    db.prepare(`UPDATE duty_assignments SET deleted = 1 WHERE scope_id = ? AND role = 'grid_worker'`).run(g.id);
    return g;
  });
  await page.getByRole('tab', { name: '三长与网格员' }).click();
  const coverage = page.getByTestId('staff-coverage');
  const gridRow = coverage.locator(`[data-testid="coverage-grid"][data-grid="${grid.name}"]`);
  await expect(gridRow).toBeVisible();
  await expect(page.getByTestId('coverage-totals')).toContainText('1 个缺网格员');
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-coverage.png') });
  await gridRow.getByTestId('coverage-fill-worker').click();
  const chosen = readDb(server, (db) => db.prepare(`SELECT name FROM people WHERE availability IS NOT NULL AND deleted = 0 ORDER BY name, id LIMIT 1`).pluck().get()) as string;
  await page.getByTestId('coverage-appoint-person').locator('input').fill(chosen);
  await page.locator('.ant-select-item-option').filter({ hasText: chosen }).first().click();
  await page.getByTestId('coverage-appoint-ok').click();
  await expect(gridRow).toBeHidden();
  await expect(page.getByTestId('coverage-totals')).toContainText('0 个缺网格员');
  const workers = readDb(server, (db) =>
    db.prepare(`SELECT p.name FROM duty_assignments d JOIN people p ON p.id = d.person_id WHERE d.scope_id = ? AND d.role = 'grid_worker' AND d.deleted = 0`).pluck().all(grid.id),
  );
  expect(workers).toEqual([chosen]);

  // The posts on the map, coloured by the shift under way.
  await page.evaluate(() => (window.location.hash = '#/map'));
  await page.getByTestId('toggle-posts').click();
  const map = page.getByTestId('map');
  await expect.poll(() => map.getAttribute('data-post-marks').then(Number)).toBeGreaterThan(0);
  const placed = readDb(server, (db) => db.prepare('SELECT count(*) FROM duty_posts WHERE deleted = 0 AND geometry IS NOT NULL').pluck().get());
  expect(Number(await map.getAttribute('data-post-marks'))).toBe(placed);
  expect(Number(await map.getAttribute('data-post-short'))).toBeLessThanOrEqual(placed as number);
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-posts-map.png') });
  expect(errors).toEqual([]);
});
