import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readDb } from './support/db';
import { openMap } from './support/map';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});

test.afterEach(async () => server?.stop());

interface Row {
  key: string;
  label: string;
  color: string;
  rank: number;
  retired: number;
}

const definition = (key: string): Row | undefined =>
  readDb(server, (db) => db.prepare('SELECT key, label, color, rank, retired FROM status_definitions WHERE key = ? AND deleted = 0').get(key) as Row | undefined);

async function openStatuses(page: Page): Promise<void> {
  await page.getByTestId('nav-statuses').click();
  await expect(page.getByTestId('statuses-page')).toBeVisible();
  await expect(page.getByTestId('statuses-table').locator('.ant-spin-spinning')).toHaveCount(0);
}

/** Types a hex colour into the open form's colour picker. */
async function pickColor(page: Page, form: Locator, hex: string): Promise<void> {
  await form.locator('.ant-color-picker-trigger').click();
  const input = page.locator('.ant-color-picker:visible .ant-color-picker-hex-input input');
  await input.fill(hex.replace('#', ''));
  await input.press('Enter');
  await expect(form.locator('.ant-color-picker-trigger')).toContainText(hex.replace('#', '').toUpperCase(), { ignoreCase: true });
  await page.keyboard.press('Escape');
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

test('an administrator renames 防范 and recolours it; the map legend follows', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openMap(page, server, 'admin');
  await expect(page.getByTestId('legend-precaution')).toContainText('防范');
  await openStatuses(page);

  // Strictest first, the baseline last.
  const keys = await page.getByTestId('statuses-table').locator('tbody tr[data-testid^="status-row-"]').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-testid')!.replace('status-row-', '')),
  );
  expect(keys).toEqual(['sealed', 'controlled', 'precaution', 'normal']);
  const inUse = readDb(server, (db) => db.prepare(`SELECT count(*) FROM buildings WHERE status = 'precaution' AND deleted = 0`).pluck().get() as number);
  await expect(page.getByTestId('status-row-precaution').getByTestId('status-row-buildings')).toHaveText(String(inUse));

  await page.getByTestId('status-edit-precaution').click();
  const form = page.getByTestId('status-form-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('status-key')).toBeDisabled();
  await page.getByTestId('status-label').fill('');
  await page.getByTestId('status-form-submit').click();
  await expect(form).toContainText('请填写状态名称');
  await page.getByTestId('status-label').fill('预防');
  await pickColor(page, form, '#722ed1');
  await page.getByTestId('status-form-submit').click();
  await expect(form).toBeHidden();

  await expect(page.getByTestId('status-row-precaution')).toContainText('预防');
  await expect(page.getByTestId('status-row-precaution').getByTestId('status-swatch')).toHaveAttribute('data-color', '#722ed1');
  expect(definition('precaution')).toMatchObject({ label: '预防', color: '#722ed1', rank: 10, retired: 0 });

  await page.getByTestId('nav-map').click();
  const legend = page.getByTestId('legend-precaution');
  await expect(legend).toContainText('预防');
  await expect(legend.locator('.gd-legend-swatch')).toHaveCSS('background-color', rgb('#722ed1'));
  expect(errors).toEqual([]);
});

test('a new status 临时管控 with rank 15 is offered in the bulk-change picker; a taken name is refused under its field', async ({ page }) => {
  await openSignedIn(page, server, 'admin');
  await openStatuses(page);
  await page.getByTestId('status-create').click();
  const form = page.getByTestId('status-form-form');
  await page.getByTestId('status-key').fill('Temp');
  await page.getByTestId('status-label').fill('封控');
  await page.getByTestId('status-label-en').fill('Temporary control');
  await page.getByTestId('status-form-submit').click();
  await expect(form).toContainText('状态代码只能由小写字母、数字和下划线组成');
  await page.getByTestId('status-key').fill('temp_control');
  await page.getByTestId('status-rank').fill('15');
  await pickColor(page, form, '#eb2f96');
  await page.getByTestId('status-form-submit').click();
  // The service refuses the label another status has, and says so under the label.
  await expect(form.locator('.ant-form-item').filter({ has: page.getByTestId('status-label') })).toContainText('已被状态 sealed 使用');
  expect(definition('temp_control')).toBeUndefined();
  await page.getByTestId('status-label').fill('临时管控');
  await page.getByTestId('status-form-submit').click();
  await expect(form).toBeHidden();

  expect(definition('temp_control')).toMatchObject({ label: '临时管控', color: '#eb2f96', rank: 15, retired: 0 });
  const keys = await page.getByTestId('statuses-table').locator('tbody tr[data-testid^="status-row-"]').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-testid')!.replace('status-row-', '')),
  );
  expect(keys).toEqual(['sealed', 'controlled', 'temp_control', 'precaution', 'normal']);

  // The map's bulk change offers it, between 管控 and 防范.
  const id = readDb(server, (db) => db.prepare(`SELECT id FROM buildings WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET 3`).pluck().get() as string);
  await page.evaluate((b) => (window.location.hash = `#/map?building=${b}`), id);
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('building-panel')).toHaveAttribute('data-building-id', id);
  await page.getByTestId('select-grid').click();
  await page.getByTestId('bulk-open').click();
  await page.getByTestId('bulk-status').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.filter({ hasText: '临时管控' })).toHaveCount(1);
  expect(await options.allTextContents()).toEqual(['封控', '管控', '临时管控', '防范', '正常']);
  await page.keyboard.press('Escape');
  await page.getByTestId('bulk-cancel').click();
});

test('retiring a status buildings still have is refused with how many; the baseline cannot be re-ranked', async ({ page }) => {
  await openSignedIn(page, server, 'admin');
  await openStatuses(page);
  const inUse = readDb(server, (db) => db.prepare(`SELECT count(*) FROM buildings WHERE status = 'controlled' AND deleted = 0`).pluck().get() as number);
  expect(inUse).toBeGreaterThan(0);

  await page.getByTestId('status-edit-controlled').click();
  const form = page.getByTestId('status-form-form');
  await page.getByTestId('status-retired').click();
  await page.getByTestId('status-form-submit').click();
  const retiredItem = form.locator('.ant-form-item').filter({ has: page.getByTestId('status-retired') });
  await expect(retiredItem.locator('.ant-form-item-explain-error')).toHaveText(`还有 ${inUse} 栋楼处于「管控」状态，请先把它们改为其他状态再停用`);
  expect(definition('controlled')).toMatchObject({ retired: 0 });
  await page.screenshot({ path: join(ARTIFACTS, 'statuses.png') });
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await expect(form).toBeHidden();

  // The baseline's rank and retirement are fixed in the form.
  await page.getByTestId('status-edit-normal').click();
  await expect(page.getByTestId('status-rank')).toBeDisabled();
  await expect(page.getByTestId('status-retired')).toBeDisabled();
});

test('only administrators see 状态设置', async ({ page }) => {
  await openSignedIn(page, server, 'zhiban');
  await expect(page.getByTestId('nav-map')).toBeVisible();
  await expect(page.getByTestId('nav-statuses')).toHaveCount(0);
});
