import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { chooseOption } from './support/antd';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { moveClock, startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

const HOUR = 3_600_000;
let server: TestServer;

test.beforeEach(async () => {
  // The test build: its services' clock can be moved (never so in a production build).
  server = await startServerForTest({ testBuild: true });
});
test.afterEach(async () => server?.stop());

async function signInWithForm(page: Page, username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
}

const drawerState = (page: Page) => page.getByTestId('request-drawer-body').getByTestId('request-state');

test('a duty officer follows an overdue request from the 总览 to its building on the map', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const seeded = readDb(server, (db) => db.prepare(`SELECT count(*) FROM requests WHERE deleted = 0 AND due_at < ?`).pluck().get(Date.now()) as number);
  expect(seeded, 'the demo has overdue requests').toBeGreaterThan(0);

  await signInWithForm(page, 'zhiban');
  await expect(page.getByTestId('page-overview')).toBeVisible();
  const figure = page.getByTestId('overview-overdue');
  const overdue = Number(await figure.getAttribute('data-value'));
  expect(overdue).toBeGreaterThanOrEqual(seeded);
  await expect(page.getByTestId('reminder-bell')).toHaveAttribute('data-late-requests', String(overdue));

  await figure.click();
  await expect(page.getByTestId('requests-page')).toBeVisible();
  await expect(page.getByTestId('filter-overdue')).toBeChecked();
  await expect(page.getByTestId('requests-total')).toHaveText(`共 ${overdue} 条`);
  const rows = page.getByTestId('request-row');
  await expect(rows.first()).toHaveAttribute('data-overdue', 'true');
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await page.screenshot({ path: join(ARTIFACTS, `requests-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  const id = await rows.first().getAttribute('data-request-id');
  const truth = readDb(server, (db) => db.prepare(`SELECT building_id AS buildingId, escalated_at AS escalatedAt FROM requests WHERE id = ?`).get(id) as { buildingId: string; escalatedAt: number });
  expect(truth.escalatedAt, 'the escalation is kept on the request').toBeGreaterThan(0);
  await rows.first().click();
  await expect(page.getByTestId('request-drawer-body')).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('request-history').locator('[data-action="escalate"]')).toContainText('督办');
  await page.getByTestId('request-building-link').click();
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('building-panel')).toHaveAttribute('data-building-id', truth.buildingId);
  // The map marks the buildings with overdue requests.
  await expect.poll(() => page.getByTestId('map').getAttribute('data-late-request-marks').catch(() => null)).not.toBeNull();
  expect(errors).toEqual([]);
});

test('a request goes through its life, is escalated when the clock passes its limit, then is resolved and revisited', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const building = readDb(server, (db) => db.prepare(`SELECT id, address FROM buildings WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET 11`).get() as { id: string; address: string });
  await openSignedIn(page, server, 'zhiban');
  await page.evaluate((id) => (window.location.hash = `#/buildings/${id}`), building.id);
  await expect(page.getByTestId('building-page')).toBeVisible();

  // The form: an unbroken 60-character title is taken; a typed future time is refused with a message, not cleared.
  await page.getByTestId('building-request-add').click();
  const title = `楼顶防水层${'被'.repeat(50)}大风掀开${String(Date.now() % 10)}`;
  expect([...title]).toHaveLength(60);
  await chooseOption(page, page.getByTestId('request-kind'), '设施损坏');
  await chooseOption(page, page.getByTestId('request-source'), '12345');
  await page.getByTestId('request-title').fill(title);
  const future = new Date(Date.now() + 3 * 24 * HOUR);
  const typed = `${future.getFullYear()}/${String(future.getMonth() + 1).padStart(2, '0')}/${String(future.getDate()).padStart(2, '0')} 10:00`;
  const picker = page.getByTestId('request-received-at');
  await picker.click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('request-form')).toContainText('收到时间不能晚于现在');
  await expect(picker).toHaveValue(typed);
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('request-form')).toBeVisible();
  await picker.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('request-form')).toHaveCount(0);

  const row = page.getByTestId('building-requests').getByTestId('request-row').filter({ hasText: title.slice(0, 10) });
  await expect(row.getByTestId('request-state-cell')).toHaveText('待受理');
  // The long title stays in its column: wrapped or cut, never over the next one.
  const cell = row.getByTestId('request-title-cell');
  const [titleBox, nextBox] = await Promise.all([cell.boundingBox(), row.getByTestId('request-state-cell').boundingBox()]);
  expect(titleBox!.x + titleBox!.width).toBeLessThanOrEqual(nextBox!.x);

  // 受理 and send it up (上报上级): held to 3 days from receipt.
  await row.click();
  await page.getByTestId('step-handler').fill('区住建局');
  await chooseOption(page, page.getByTestId('step-level'), '上报上级');
  await page.getByTestId('request-step-accept-submit').click();
  await expect(drawerState(page)).toHaveText('办理中');
  await expect(page.getByTestId('request-drawer-body')).toHaveAttribute('data-overdue', 'false');
  const id = readDb(server, (db) => db.prepare(`SELECT id FROM requests WHERE building_id = ? AND title = ?`).pluck().get(building.id, title) as string);

  // Three days and an hour later by the server's clock: escalated, in its history, on the bell.
  moveClock(server, 73 * HOUR);
  await page.reload();
  await page.evaluate((rid) => (window.location.hash = `#/requests?request=${rid}`), id);
  await expect(page.getByTestId('request-drawer-body')).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('request-drawer-body').getByTestId('request-overdue')).toBeVisible();
  await expect(page.getByTestId('request-history').locator('[data-action="escalate"]')).toContainText('上报上级超过 3 天未办结');
  await expect(page.getByTestId('reminder-bell')).not.toHaveAttribute('data-late-requests', '0');
  await page.screenshot({ path: join(ARTIFACTS, 'request-escalated.png') });

  // 办结, then 回访 with the resident's satisfaction.
  await page.getByTestId('step-resolution').fill('已重新铺设防水卷材');
  await page.getByTestId('request-step-resolve-submit').click();
  await expect(drawerState(page)).toHaveText('已办结');
  await page.getByTestId('request-step-revisit-submit').click();
  await expect(page.getByTestId('request-step-revisit')).toContainText('请选择群众满意度');
  await page.getByTestId('step-satisfaction').getByText('基本满意').click();
  await page.getByTestId('request-step-revisit-submit').click();
  await expect(drawerState(page)).toHaveText('已回访');
  await expect(page.getByTestId('request-drawer-body').getByTestId('request-escalated')).toBeVisible();
  const events = page.getByTestId('request-history').getByTestId('request-event');
  await expect(events).toHaveCount(5);
  expect(await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['create', 'accept', 'escalate', 'resolve', 'revisit']);

  const stored = readDb(server, (db) => db.prepare(`SELECT state, satisfaction, level, escalated_at IS NOT NULL AS escalated FROM requests WHERE id = ?`).get(id));
  expect(stored).toEqual({ state: 'revisited', satisfaction: 'basic', level: 'higher', escalated: 1 });
  const audit = readDb(server, (db) => db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'requests.%' AND target = ? ORDER BY seq`).pluck().all(building.id));
  expect(audit).toEqual(['requests.create', 'requests.accept', 'requests.escalate', 'requests.resolve', 'requests.revisit']);
  expect(errors).toEqual([]);
});
