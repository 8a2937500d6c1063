import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type Database from 'better-sqlite3-multiple-ciphers';
import { readDb } from './support/db';
import { ARTIFACTS } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { chooseOption } from './support/antd';
import { openMap } from './support/map';
import { watchErrors } from './support/page-errors';

const SEALED = '#cf1322';
const NORMAL = '#389e0d';

let server: TestServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => server?.stop());

const withDb = <T>(read: (db: Database.Database) => T): T => readDb(server, read);

const statusesOf = (ids: string[]): Map<string, string> =>
  withDb((db) => {
    const stmt = db.prepare('SELECT status FROM buildings WHERE id = ?');
    return new Map(ids.map((id) => [id, (stmt.get(id) as { status: string }).status]));
  });

/** A building with this status in the middle of the street (not at the edge of the map). */
const buildingWith = (status: string, skip = 0): string =>
  withDb(
    (db) =>
      (db.prepare(`SELECT id FROM buildings WHERE deleted = 0 AND status = ? ORDER BY id LIMIT 1 OFFSET ?`).get(status, skip) as { id: string }).id,
  );

/** Counts the calls of one contract method a page makes from now on. */
function countCalls(page: Page, method: string): () => number {
  let n = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/rpc') && (JSON.parse(request.postData() ?? '{}') as { method?: string }).method === method) n++;
  });
  return () => n;
}

async function newWindow(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openMap(page, server, user);
  return page;
}

async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  const reply = await page.request.post(`${server.origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method, input } });
  const body = (await reply.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body, JSON.stringify(body.error)).toMatchObject({ ok: true });
  return body.result;
}

const legendCount = async (page: Page, status: string): Promise<number> =>
  Number(await page.getByTestId(`legend-${status}`).getAttribute('data-count'));

const pixel = (page: Page, p: { x: number; y: number }) => page.evaluate(({ x, y }) => window.__gridDeskMap!.pixelAt(x, y), p);

function near(a: string | null, b: string, tolerance = 6): boolean {
  if (!a) return false;
  return [1, 3, 5].every((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= tolerance);
}

async function selectedIds(page: Page): Promise<string[]> {
  return (await page.evaluate(() => window.__gridDeskMap!.selectedIds())).sort();
}

/** Draws a closed freehand shape with real mouse moves (press, move through the points, release). */
async function drawLasso(page: Page, points: { x: number; y: number }[]): Promise<void> {
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.mouse.move(points[0]!.x, points[0]!.y, { steps: 2 });
  await page.mouse.up();
}

test('lasso a few buildings, seal them in one bulk change, see it in another window, then undo it', async ({ page, browser }) => {
  test.slow(); // two windows, each signing in and loading the whole map
  const errors = watchErrors(page);
  await openMap(page, server, 'zhiban');
  const other = await newWindow(browser, 'admin');
  const otherLayerCalls = countCalls(other, 'map.layers');
  const otherCatchUps = countCalls(other, 'map.changesSince');

  const anchor = buildingWith('normal', 3);
  const centre = (await page.evaluate((id) => window.__gridDeskMap!.buildingScreenPoint(id), anchor))!;
  await page.getByTestId('tool-lasso').click();
  await expect(page.getByTestId('page-map')).toHaveAttribute('data-mode', 'lasso');

  // A 24-sided "circle" of radius 70 px around the anchor, drawn by hand.
  const R = 70;
  const ring = Array.from({ length: 24 }, (_, k) => ({
    x: Math.round(centre.x + R * Math.cos((2 * Math.PI * k) / 24)),
    y: Math.round(centre.y + R * Math.sin((2 * Math.PI * k) / 24)),
  }));
  const centres = await page.evaluate(() => window.__gridDeskMap!.visibleCentres());
  const dist = (p: { x: number; y: number }) => Math.hypot(p.x - centre.x, p.y - centre.y);
  const surelyIn = centres.filter((c) => dist(c) < R * Math.cos(Math.PI / 24) - 3).map((c) => c.id);
  const maybeIn = new Set(centres.filter((c) => dist(c) < R + 3).map((c) => c.id));
  expect(surelyIn.length).toBeGreaterThan(1);

  await drawLasso(page, ring);
  const chosen = await selectedIds(page);
  for (const id of surelyIn) expect(chosen).toContain(id);
  for (const id of chosen) expect(maybeIn.has(id)).toBe(true);
  expect(chosen).toContain(anchor);
  await expect(page.getByTestId('selection-chip')).toHaveAttribute('data-count', String(chosen.length));
  await page.mouse.move(5, 300);
  await page.screenshot({ path: join(ARTIFACTS, 'map-lasso.png') });

  const before = statusesOf(chosen);
  const toSeal = [...before.values()].filter((s) => s !== 'sealed').length;
  const sealedBefore = await legendCount(page, 'sealed');
  const historyBefore = withDb((db) => (db.prepare('SELECT count(*) n FROM building_status_history WHERE building_id = ?').get(anchor) as { n: number }).n);

  await page.getByTestId('bulk-open').click();
  const modal = page.getByTestId('bulk-modal');
  await expect(modal).toBeVisible();
  await expect(page.getByTestId('bulk-count')).toHaveAttribute('data-count', String(chosen.length));
  await expect(page.getByTestId('bulk-breakdown-normal')).toBeVisible();
  // The form refuses a missing reason before anything is sent.
  await chooseOption(page, page.getByTestId('bulk-status'), '封控');
  await page.getByTestId('bulk-confirm').click();
  await expect(modal).toContainText('请填写变更原因');
  const reason = `套索封控测试 ${Date.now()}`;
  await page.getByTestId('bulk-reason').fill(reason);
  // Typing the reason clears the complaint under it.
  await expect(modal.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await expect(modal).not.toContainText('请填写变更原因');
  await page.screenshot({ path: join(ARTIFACTS, 'map-bulk.png') });
  // The other window's notice shows for a few seconds: watch for it from the moment of the change.
  const otherTold = expect(other.locator('.ant-message')).toContainText(`${toSeal} 栋楼状态已更新`, { timeout: 30_000 });
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByTestId('bulk-done')).toBeVisible();
  await expect(modal).toBeHidden();

  // The legend, the canvas, the database and the other window all agree.
  await expect.poll(() => legendCount(page, 'sealed')).toBe(sealedBefore + toSeal);
  expect([...statusesOf(chosen).values()].every((s) => s === 'sealed')).toBe(true);
  await expect.poll(() => pixel(page, centre).then((c) => near(c, SEALED))).toBe(true);
  await expect.poll(() => legendCount(other, 'sealed'), { timeout: 5_000 }).toBe(sealedBefore + toSeal);
  await expect(page.getByTestId('undo-last')).toBeVisible();
  // The other window was told, this one (which made the change) was not; neither reloaded the map.
  await otherTold;
  await expect(page.locator('.ant-message')).not.toContainText('栋楼状态已更新');

  // The building's history has the new entry with the reason, marked as bulk.
  await expect(page.getByTestId('page-map')).toHaveAttribute('data-mode', 'click');
  await page.mouse.click(centre.x, centre.y);
  const panel = page.getByTestId('building-panel');
  await expect(panel).toHaveAttribute('data-building-id', anchor);
  await expect(page.getByTestId('building-status-tag')).toContainText('封控');
  const first = page.getByTestId('history-entry').first();
  await expect(first).toContainText(reason);
  await expect(first.getByTestId('history-batch')).toBeVisible();
  await expect(page.getByTestId('history-entry')).toHaveCount(historyBefore + 1);

  // Undo: the statuses come back everywhere, and the history keeps both entries.
  await page.getByTestId('undo-last').click();
  await page.getByTestId('undo-last-ok').click();
  await expect.poll(() => legendCount(page, 'sealed')).toBe(sealedBefore);
  await expect.poll(() => legendCount(other, 'sealed'), { timeout: 5_000 }).toBe(sealedBefore);
  expect(statusesOf(chosen)).toEqual(before);
  // The second window followed both changes from the pushed deltas alone: no map download, no catch-up.
  expect(otherLayerCalls()).toBe(0);
  expect(otherCatchUps()).toBe(0);
  await expect(page.getByTestId('building-status-tag')).toContainText('正常');
  await expect(page.getByTestId('history-entry')).toHaveCount(historyBefore + 2);
  await expect(page.getByTestId('history-entry').nth(1)).toContainText(reason);
  await expect(page.getByTestId('undo-last')).toBeHidden();
  await page.mouse.move(5, 300);
  await page.getByTestId('building-history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'map-history.png') });
  await expect.poll(() => pixel(page, centre).then((c) => near(c, NORMAL))).toBe(true);
  await other.context().close();
  expect(errors).toEqual([]);
});

test('rectangle selection picks the buildings inside the box; Esc clears it; the form checks the dates', async ({ page }) => {
  await openMap(page, server, 'zhiban');
  const centre = (await page.evaluate((id) => window.__gridDeskMap!.buildingScreenPoint(id), buildingWith('normal', 5)))!;
  await page.getByTestId('tool-rect').click();
  const box = { x0: centre.x - 90, y0: centre.y - 60, x1: centre.x + 90, y1: centre.y + 60 };
  const centres = await page.evaluate(() => window.__gridDeskMap!.visibleCentres());
  const inside = (c: { x: number; y: number }, m: number) => c.x > box.x0 + m && c.x < box.x1 - m && c.y > box.y0 + m && c.y < box.y1 - m;
  const surely = centres.filter((c) => inside(c, 2)).map((c) => c.id);
  const maybe = new Set(centres.filter((c) => inside(c, -2)).map((c) => c.id));
  expect(surely.length).toBeGreaterThan(1);

  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move(box.x1, box.y1, { steps: 8 });
  await page.mouse.up();
  const chosen = await selectedIds(page);
  for (const id of surely) expect(chosen).toContain(id);
  for (const id of chosen) expect(maybe.has(id)).toBe(true);
  await expect(page.getByTestId('selection-chip')).toHaveAttribute('data-count', String(chosen.length));

  // Until must come after from: the form says so and sends nothing.
  const before = statusesOf(chosen);
  await page.getByTestId('bulk-open').click();
  await chooseOption(page, page.getByTestId('bulk-status'), '管控');
  await page.getByTestId('bulk-reason').fill('核酸检测异常，临时管控');
  const until = page.getByTestId('bulk-modal').locator('.gd-bulk-date').nth(1).locator('input');
  await until.fill('2020-01-01 08:00');
  await until.press('Enter');
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByTestId('bulk-modal')).toContainText('截止时间必须晚于生效时间');
  await page.getByTestId('bulk-cancel').click();
  await expect(page.getByTestId('bulk-modal')).toBeHidden();
  expect(statusesOf(chosen)).toEqual(before);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-chip')).toBeHidden();
  expect(await selectedIds(page)).toEqual([]);
});

test('the as-of view shows the colours from before a change, and the way back to now', async ({ page }) => {
  await openMap(page, server, 'zhiban');
  const id = buildingWith('normal', 8);
  const hourAgo = Date.now() - 3_600_000;
  await rpc(page, 'buildings.setStatus', { id, status: 'sealed', reason: '补记一小时前的封控决定', effectiveFrom: hourAgo });
  await expect.poll(() => page.evaluate((b) => window.__gridDeskMap!.buildingIds().includes(b), id)).toBe(true);
  const centre = (await page.evaluate((b) => window.__gridDeskMap!.buildingScreenPoint(b), id))!;
  await page.mouse.move(5, 300);
  await expect.poll(() => pixel(page, centre).then((c) => near(c, SEALED))).toBe(true);
  const sealedNow = await legendCount(page, 'sealed');

  // Two hours ago, in the office's time zone, typed into the picker.
  const past = new Date(hourAgo - 3_600_000);
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(past)
    .replace(',', '');
  const input = page.locator('.gd-asof-picker input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  const banner = page.getByTestId('asof-banner');
  await expect(banner).toContainText(`正在查看 ${text.replaceAll('-', '/')} 的状态`);
  await expect(banner).toHaveAttribute('data-loading', 'false');
  await expect.poll(() => pixel(page, centre).then((c) => near(c, NORMAL))).toBe(true);
  await expect.poll(() => legendCount(page, 'sealed')).toBe(sealedNow - 1);
  await expect(page.getByTestId('select-mode').locator('.ant-segmented-item-disabled')).toHaveCount(3);
  await page.mouse.move(5, 300);
  await expect(page.locator('.ant-tooltip:visible')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'map-asof.png') });

  await page.getByTestId('asof-back').click();
  await expect(banner).toBeHidden();
  await expect.poll(() => pixel(page, centre).then((c) => near(c, SEALED))).toBe(true);
  await expect.poll(() => legendCount(page, 'sealed')).toBe(sealedNow);
});

test('a status ending soon rings the bell; its reminder opens the building on the map', async ({ page }) => {
  await openMap(page, server, 'zhiban');
  const id = buildingWith('normal', 11);
  const address = withDb((db) => (db.prepare('SELECT address FROM buildings WHERE id = ?').get(id) as { address: string }).address);
  await rpc(page, 'buildings.setStatus', { id, status: 'controlled', reason: '密接所在楼栋，管控至明日', effectiveUntil: Date.now() + 5 * 3_600_000 });
  const bell = page.getByTestId('reminder-bell');
  await expect.poll(async () => Number(await bell.getAttribute('data-count'))).toBeGreaterThan(0);
  await bell.click();
  const item = page.locator(`[data-testid="reminder-item"][data-building-id="${id}"]`);
  await expect(item).toContainText(address);
  await expect(item).toContainText('管控');
  await expect(page.locator('.ant-popover').filter({ has: item })).toHaveCSS('opacity', '1'); // faded in, for the screenshot
  await page.screenshot({ path: join(ARTIFACTS, 'map-reminders.png') });
  await item.click();
  await expect(page.getByTestId('building-panel')).toHaveAttribute('data-building-id', id);
  await expect(page.getByTestId('building-status-until')).toHaveAttribute('data-soon', 'true');
});

test('safe-compound flags and the screening-progress colours', async ({ page }) => {
  await openMap(page, server, 'zhiban');
  const safe = withDb((db) => (db.prepare('SELECT count(*) n FROM safe_compounds WHERE deleted = 0').get() as { n: number }).n);
  await page.getByTestId('toggle-safe').click();
  // The seeded template always has safe compounds and screening rounds: both checks always run.
  expect(safe).toBeGreaterThan(0);
  await expect(page.getByTestId('map')).toHaveAttribute('data-safe-flags', String(safe));
  await expect(page.locator('.gd-flag')).toHaveCount(safe);
  const name = withDb(
    (db) =>
      (db.prepare('SELECT c.name FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id WHERE s.deleted = 0 ORDER BY s.id LIMIT 1').get() as { name: string }).name,
  );
  const flag = page.locator(`.gd-flag[title="${name}"]`).first();
  await flag.scrollIntoViewIfNeeded();
  await page.getByTestId('map-fit').click();
  await expect(flag).toBeInViewport();
  await flag.hover({ force: true });
  await expect(page.locator('.gd-flag-tip')).toContainText(name);
  await expect(page.locator('.gd-flag-tip')).toContainText('授予');
  await page.screenshot({ path: join(ARTIFACTS, 'map-flags.png') });
  const rounds = withDb((db) => (db.prepare('SELECT count(*) n FROM screening_rounds WHERE deleted = 0').get() as { n: number }).n);
  expect(rounds).toBeGreaterThan(0);
  await page.getByTestId('toggle-screening').click();
  await expect(page.getByTestId('screening-legend')).toBeVisible();
  await expect(page.getByTestId('map-legend')).toBeHidden();
  await expect(page.getByTestId('screening-total')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'map-screening.png') });
  await page.getByTestId('toggle-screening').click();
  await expect(page.getByTestId('map-legend')).toBeVisible();
});

test('the panel selects a whole grid; the bulk form counts its buildings', async ({ page }) => {
  await openMap(page, server, 'zhiban');
  const id = buildingWith('normal', 2);
  const grid = withDb((db) => db.prepare('SELECT g.id, g.name, (SELECT count(*) FROM buildings b2 WHERE b2.grid_id = g.id AND b2.deleted = 0) n FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.id = ?').get(id) as { id: string; name: string; n: number });
  const point = (await page.evaluate((b) => window.__gridDeskMap!.buildingScreenPoint(b), id))!;
  await page.mouse.click(point.x, point.y);
  await page.getByTestId('select-grid').click();
  const chip = page.getByTestId('selection-chip');
  await expect(chip).toContainText(grid.name);
  await expect(chip).toHaveAttribute('data-count', String(grid.n));
  expect(await selectedIds(page)).toContain(id);
  await page.getByTestId('bulk-open').click();
  await expect(page.getByTestId('bulk-count')).toHaveAttribute('data-count', String(grid.n));
  await page.getByTestId('bulk-cancel').click();
  await page.keyboard.press('Escape');
  await expect(chip).toBeHidden();
});

test('a leader sees the statuses and the history but no editing tools', async ({ page }) => {
  await openMap(page, server, 'lingdao');
  await expect(page.getByTestId('map-toolbar')).toBeVisible();
  await expect(page.getByTestId('select-mode')).toHaveCount(0);
  await expect(page.getByTestId('undo-last')).toHaveCount(0);
  const point = (await page.evaluate((id) => window.__gridDeskMap!.buildingScreenPoint(id), buildingWith('sealed')))!;
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('building-panel')).toBeVisible();
  await expect(page.getByTestId('building-history')).toBeVisible();
  await expect(page.getByTestId('building-details-link')).toBeVisible();
  await expect(page.getByTestId('building-change-status')).toHaveCount(0);
  await expect(page.getByTestId('select-grid')).toHaveCount(0);
});
