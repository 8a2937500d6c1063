import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readDb } from './support/db';
import { openMap } from './support/map';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { rpc } from './support/rpc';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

/** What a new user met on the duty desk, at the widths they work at. */
let server: TestServer;
test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const one = <T>(sql: string, ...params: unknown[]): T => readDb(server, (db) => db.prepare(sql).get(...params) as T);

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
  }
}

test('新增状态 with the code of an existing status is refused on the code field; a label counts an emoji as one character', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openSignedIn(page, server, 'admin');
  await page.getByTestId('nav-statuses').click();
  await page.getByTestId('status-create').click();
  const form = page.getByTestId('status-form-form');
  await page.getByTestId('status-key').fill('controlled');
  await page.getByTestId('status-label').fill('重点');
  await page.getByTestId('status-label-en').fill('Focus');
  await page.getByTestId('status-form-submit').click();
  // Under the code field, naming the status it would have replaced.
  await expect(page.getByText('代码 controlled 已是状态「管控」的代码，新增状态不能覆盖已有状态')).toBeVisible();
  await expect(form).toBeVisible();
  expect(one<{ label: string; rank: number }>(`SELECT label, rank FROM status_definitions WHERE key = 'controlled' AND deleted = 0`)).toEqual({ label: '管控', rank: 20 });

  // Twelve emoji are twelve characters; a thirteenth is refused with a message, not dropped.
  const label = page.getByTestId('status-label');
  await label.fill('😷'.repeat(12));
  await expect(page.locator('.ant-input-show-count-suffix').filter({ hasText: '12 / 12' })).toBeVisible();
  await label.fill('😷'.repeat(13));
  await expect(label).toHaveValue('😷'.repeat(13));
  await expect(page.locator('.ant-form-item-explain-error').filter({ hasText: '12' })).toBeVisible();
  await shoot(page, 'duty-status-form');
  expect(errors).toEqual([]);
});

test('the history view shows the building as it was then; a one-building change is no batch', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const building = one<{ id: string; address: string }>(`SELECT id, address FROM buildings WHERE deleted = 0 AND status = 'normal' ORDER BY id LIMIT 1 OFFSET 7`);
  await openMap(page, server, 'zhiban');
  await rpc(page.request, server, 'buildings.setStatus', { id: building.id, status: 'sealed', reason: '发现确诊病例' });
  await page.goto(`${server.origin}/#/map?building=${building.id}`);
  const panel = page.getByTestId('building-panel');
  await expect(panel.getByTestId('building-status-tag')).toHaveAttribute('data-status', 'sealed');
  // 昨天此时: the panel, its duration and the legend are of that moment.
  const sealedNow = Number(await page.getByTestId('legend-sealed').getAttribute('data-count'));
  await page.getByTestId('asof-picker').click();
  await page.locator('.ant-picker-presets li').filter({ hasText: '昨天此时' }).click();
  await expect(page.getByTestId('asof-banner')).toBeVisible();
  await expect(panel.getByTestId('building-status')).not.toHaveAttribute('data-at', '');
  await expect(panel.getByTestId('building-status-tag')).toHaveAttribute('data-status', 'normal');
  await expect(panel.getByTestId('building-status-since')).toContainText('时');
  await expect(page.getByTestId('legend-sealed')).toHaveAttribute('data-count', String(sealedNow - 1));
  await shoot(page, 'duty-history-panel');
  await page.getByTestId('asof-back').click();
  await expect(panel.getByTestId('building-status-tag')).toHaveAttribute('data-status', 'sealed');

  // The grid is named with its community when the whole grid is picked.
  const names = one<{ community: string; grid: string }>(
    `SELECT c.name community, g.name grid FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id WHERE b.id = ?`,
    building.id,
  );
  await panel.getByTestId('select-grid').click();
  await expect(page.getByTestId('selection-chip')).toContainText(`${names.community} · ${names.grid}`);

  // One building's change: its history says so, and the undo offer names the building, not a batch.
  const entry = panel.getByTestId('history-entry').first();
  await expect(entry).toHaveAttribute('data-bulk', 'false');
  await expect(entry.getByTestId('history-batch')).toHaveCount(0);
  await expect(page.getByTestId('undo-last')).toHaveText(/撤销上次变更/);
  await page.getByTestId('undo-last').click();
  await expect(page.getByTestId('undo-last-desc')).toContainText(building.address);
  await expect(page.getByTestId('undo-last-desc')).not.toContainText('共');
  expect(errors).toEqual([]);
});

test('发起新一轮 shows the size of the scope and the round still open before it starts', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const households = one<{ n: number }>(`SELECT count(*) n FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.deleted = 0 AND b.deleted = 0`).n;
  const open = one<{ name: string }>(`SELECT name FROM screening_rounds WHERE closed_at IS NULL AND deleted = 0`);
  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-screening').click();
  await page.getByTestId('round-start').click();
  await expect(page.getByTestId('round-start-size')).toHaveAttribute('data-households', String(households));
  await expect(page.getByTestId('round-start-size')).toContainText(fmt(households));
  await expect(page.getByTestId('round-start-submit')).toContainText(fmt(households));
  await expect(page.getByTestId('round-start-open')).toContainText(open.name);
  await shoot(page, 'duty-round-start');
  expect(errors).toEqual([]);
});

test('登记 without a result records nothing and asks for one; the visit then reaches the audit log in words', async ({ page, browser }) => {
  const errors = watchErrors(page, { console: false });
  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-screening').click();
  await expect(page.getByTestId('round-detail')).toBeVisible();
  const row = page.getByTestId('visit-queue').locator('tr[data-testid^="queue-row-"]').filter({ hasText: '未走访' }).first();
  const householdId = ((await row.getAttribute('data-testid')) ?? '').replace('queue-row-', '');
  const attempts = () => one<{ a: number }>('SELECT sum(attempts) a FROM screening_visits WHERE household_id = ?', householdId).a;
  const before = attempts();
  await page.getByTestId(`visit-${householdId}`).click();
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('visit-form').locator('.ant-form-item-explain-error')).toContainText('走访结果');
  await expect(page.getByTestId('visit-form')).toBeVisible();
  expect(attempts()).toBe(before);
  await page.getByTestId('visit-result-visited').click();
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('visit-form')).toHaveCount(0);
  expect(attempts()).toBe(before + 1);

  // The queue shows what tells the building apart first.
  const address = one<{ address: string }>('SELECT b.address FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = ?', householdId).address;
  const distinct = address.split(/\s+/).slice(2).reverse().join(' · ');

  const admin = await (await browser.newContext()).newPage();
  await openSignedIn(admin, server, 'admin');
  await admin.getByTestId('nav-audit').click();
  const first = admin.getByTestId('audit-table').locator('tbody tr[data-testid^="audit-row-"]').filter({ hasText: '登记走访' }).first();
  await expect(first).toBeVisible();
  await expect(first).toContainText(distinct.split(' · ')[0]!);
  await expect(first).toContainText('已走访');
  await expect(first).not.toContainText('householdId');
  await first.getByRole('button', { name: '展开' }).click();
  await expect(first.locator('pre')).toContainText(householdId);
  await shoot(admin, 'duty-audit');
  expect(errors).toEqual([]);
});

test('addresses lead with what tells buildings apart at 1280; a search past 40 characters says so', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-buildings').click();
  const cell = page.getByTestId('cell-address').first();
  await expect(cell).toBeVisible();
  const address = (await cell.getAttribute('data-address')) ?? '';
  const words = address.split(/\s+/);
  const distinct = cell.locator('.gd-address-distinct');
  await expect(distinct).toHaveText(words.slice(2).reverse().join(' · '));
  // Not cut off: the distinguishing line fits its cell.
  expect(await distinct.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(cell).toHaveAttribute('title', address);
  // Grids in the filter are named with their community.
  await page.getByTestId('filter-grid').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(' · ');
  await page.keyboard.press('Escape');

  const search = page.getByTestId('filter-search');
  await search.fill('楼'.repeat(41));
  await expect(search).toHaveValue('楼'.repeat(41));
  await expect(page.getByTestId('filter-search-long')).toContainText('最多 40 个字');
  await shoot(page, 'duty-buildings');
  expect(errors).toEqual([]);
});

test('a grid worker opens on their own grids with their own totals', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const grids = JSON.parse(one<{ g: string }>(`SELECT grid_ids g FROM accounts WHERE username = 'wangge'`).g) as string[];
  const mine = readDb(server, (db) =>
    db.prepare(`SELECT count(*) FROM buildings WHERE deleted = 0 AND grid_id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(grids)) as number,
  );
  const street = one<{ n: number }>('SELECT count(*) n FROM buildings WHERE deleted = 0').n;
  expect(mine).toBeLessThan(street);
  await openMap(page, server, 'wangge');
  await expect(page.getByTestId('header-counts')).toHaveAttribute('data-counts-of', 'own');
  await expect(page.getByTestId('count-buildings')).toContainText(fmt(mine));
  await expect(page.getByTestId('count-grids')).toContainText(String(grids.length));
  await expect(page.getByTestId('header-counts')).toContainText('我的网格');
  await shoot(page, 'duty-grid-worker');
  expect(errors).toEqual([]);
});

test('锁屏 from the user menu; the 放心楼院 flag in the legend; a future moment is refused with a message', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openMap(page, server, 'zhiban');
  await page.getByTestId('toggle-safe').click();
  const flags = one<{ n: number }>('SELECT count(*) n FROM safe_compounds WHERE deleted = 0 AND revoked_at IS NULL').n;
  await expect(page.getByTestId('legend-safe')).toHaveAttribute('data-count', String(flags));
  await expect(page.getByTestId('legend-safe')).toContainText('放心楼院');
  await shoot(page, 'duty-legend');

  const picker = page.getByTestId('asof-picker');
  await picker.click();
  const input = page.locator('.gd-asof-picker input');
  await input.fill('2099-01-01 10:00');
  await input.press('Enter');
  await expect(page.locator('.ant-message')).toContainText('不能查看将来的状态');
  await expect(page.getByTestId('asof-banner')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-lock').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('lock-screen').locator('input[type="password"]').fill(E2E_PASSWORD);
  await page.getByTestId('lock-screen').getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('page-map')).toBeVisible();
  expect(errors).toEqual([]);
});
