import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pinyin } from 'pinyin-pro';
import { chooseOption } from './support/antd';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_TMP } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;
/** Chosen from the SQLite file: a (status, community) pair with several buildings, and how many. */
let pick: { status: string; statusLabel: string; communityId: string; communityName: string; count: number };

test.beforeEach(async () => {
  server = await startServerForTest();
  pick = readDb(server, (db) =>
    db.prepare(
      `SELECT b.status status, s.label statusLabel, c.id communityId, c.name communityName, count(*) count
         FROM buildings b JOIN communities c ON c.id = b.community_id JOIN status_definitions s ON s.key = b.status
        WHERE b.deleted = 0 AND b.status <> 'normal'
        GROUP BY b.status, c.id HAVING count(*) BETWEEN 2 AND 50 ORDER BY count(*) DESC LIMIT 1`,
    )
    .get(),
  ) as typeof pick;
  expect(pick, 'the seed has controlled buildings in some community').toBeTruthy();
});

test.afterEach(async () => server?.stop());

/** The full addresses of address cells (shown split: what tells the building apart first). */
async function fullAddresses(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((els) => els.map((el) => el.getAttribute('data-address') ?? ''));
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('buildings-table').locator('.ant-spin-spinning')).toHaveCount(0);
}

async function numbers(page: Page, testId: string): Promise<number[]> {
  const texts = await page.getByTestId('buildings-table').getByTestId(testId).allTextContents();
  return texts.map((s) => Number(s.replace(/,/g, '')));
}

function initials(text: string): string {
  return pinyin(text.replace(/[^\u4e00-\u9fa5]/g, ''), { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

test('the buildings table filters by status and community, searches by pinyin initials, sorts, keeps it in the URL, and exports the same rows', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-buildings').click();
  await expect(page.getByTestId('buildings-page')).toBeVisible();
  await expect(page.getByTestId('buildings-total')).toContainText(/共 [\d,]+ 栋/);
  await settled(page);

  const all = Number(((await page.getByTestId('buildings-total').textContent()) ?? '').replace(/\D/g, ''));

  // Search by the pinyin initials of a community's name (单县路社区 ⇐ sxl…).
  const name = pick.communityName.replace(/社区$/, '');
  const query = initials(name);
  expect(query.length).toBeGreaterThanOrEqual(2);
  await page.getByTestId('filter-search').fill(query);
  await expect(page).toHaveURL(new RegExp(`q=${query}`));
  await expect(page.getByTestId('buildings-total')).not.toHaveText(`共 ${all} 栋`);
  await settled(page);
  const found = await fullAddresses(page.getByTestId('cell-address'));
  expect(found.length).toBeGreaterThan(0);
  expect(found.some((a) => a.includes(name))).toBe(true);
  for (const address of found) expect(initials(address)).toContain(query);
  await page.getByTestId('filter-reset').click();
  await expect(page).not.toHaveURL(/q=/);

  // Status and community.
  await chooseOption(page, page.getByTestId('filter-status'), pick.statusLabel);
  await page.keyboard.press('Escape');
  await chooseOption(page, page.getByTestId('filter-community'), pick.communityName);
  await expect(page.getByTestId('buildings-total')).toHaveText(`共 ${pick.count} 栋`);
  await settled(page);
  const statuses = page.getByTestId('buildings-table').getByTestId('cell-status');
  await expect(statuses).toHaveCount(pick.count);
  for (const tag of await statuses.all()) await expect(tag).toHaveAttribute('data-status', pick.status);
  await expect(page).toHaveURL(new RegExp(`status=${pick.status}`));

  // Sort by households, ascending then descending.
  const householdsHeader = page.locator('.ant-table-thead th').filter({ hasText: /^户数$/ });
  await householdsHeader.click();
  await expect(page).toHaveURL(/sort=households&order=asc/);
  await settled(page);
  const up = await numbers(page, 'cell-households');
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await householdsHeader.click();
  await expect(page).toHaveURL(/sort=households&order=desc/);
  await settled(page);
  const down = await numbers(page, 'cell-households');
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThanOrEqual(down[down.length - 1]!);

  // A reload keeps filters and sort.
  await page.reload();
  await expect(page.getByTestId('buildings-total')).toHaveText(`共 ${pick.count} 栋`);
  await settled(page);
  expect(await numbers(page, 'cell-households')).toEqual(down);
  await expect(page.getByTestId('filter-community')).toContainText(pick.communityName);
  await page.screenshot({ path: join(ARTIFACTS, 'buildings-table.png') });

  // Export: the same rows, in the same order, with Chinese headers.
  const shown = await fullAddresses(page.getByTestId('buildings-table').getByTestId('cell-address'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('buildings-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = join(E2E_TMP, `export-${Date.now()}.xlsx`);
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  let headerRow = 0;
  let addressCol = 0;
  sheet.eachRow((row, n) => {
    if (headerRow) return;
    row.eachCell((cell, col) => {
      if (String(cell.value).trim() === '地址') {
        headerRow = n;
        addressCol = col;
      }
    });
  });
  expect(headerRow, 'a header row with 地址').toBeGreaterThan(0);
  const header = (sheet.getRow(headerRow).values as unknown[]).filter((v) => v !== undefined && v !== null).map(String);
  expect(header.every((h) => /[\u4e00-\u9fa5]/.test(h))).toBe(true);
  const addresses: string[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const value = sheet.getRow(n).getCell(addressCol).value;
    if (value !== null && value !== undefined && String(value).trim() !== '') addresses.push(String(value));
  }
  expect(addresses.length).toBe(pick.count);
  expect(addresses.slice(0, 5)).toEqual(shown.slice(0, 5));
  expect(errors).toEqual([]);
});

test('a building page: record a request and handle it to the end, change the status', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openSignedIn(page, server, 'zhiban');
  await page.goto(`${server.origin}/#/buildings?status=${pick.status}&community=${pick.communityId}`);
  await expect(page.getByTestId('buildings-total')).toHaveText(`共 ${pick.count} 栋`);
  await settled(page);
  const address = (await page.getByTestId('cell-address').first().getAttribute('data-address')) ?? '';
  await page.getByTestId('cell-address').first().click();
  const building = page.getByTestId('building-page');
  await expect(building).toBeVisible();
  await expect(page).toHaveURL(/#\/buildings\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('building-page-address')).toHaveText(address);
  await expect(page.getByTestId('building-page-status-tag')).toHaveAttribute('data-status', pick.status);
  await expect(page.getByTestId('building-breadcrumb')).toContainText(pick.communityName);
  await expect(page.getByTestId('building-summary')).toBeVisible();
  await expect(page.getByTestId('building-history')).toBeVisible();
  await expect(page.getByTestId('building-households')).toBeVisible();

  // A request recorded on the building page: the form refuses an empty title first.
  const needsBefore = Number(await page.getByTestId('summary-needs-count').textContent());
  await page.getByTestId('building-request-add').click();
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('request-form')).toContainText('请填写标题');
  const title = `降压药 2 盒（${Date.now() % 100000}）`;
  await chooseOption(page, page.getByTestId('request-kind'), '送药');
  await chooseOption(page, page.getByTestId('request-source'), '微信群');
  await page.getByTestId('request-title').fill(title);
  await page.getByTestId('request-requester').fill('王秀英 3-201');
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('request-form')).toHaveCount(0);
  const row = page.getByTestId('building-requests').getByTestId('request-row').filter({ hasText: title });
  await expect(row.getByTestId('request-state-cell')).toHaveText('待受理');
  await expect(page.getByTestId('summary-needs-count')).toHaveText(String(needsBefore + 1));
  await page.screenshot({ path: join(ARTIFACTS, 'building-page.png'), fullPage: false });

  // Accepted and resolved in its drawer: resolving asks what was done.
  await row.click();
  const drawer = page.getByTestId('request-drawer-body');
  await page.getByTestId('step-handler').fill('志愿者 李明');
  await page.getByTestId('request-step-accept-submit').click();
  await expect(drawer.getByTestId('request-state')).toHaveText('办理中');
  await page.getByTestId('request-step-resolve-submit').click();
  await expect(page.getByTestId('request-step-resolve')).toContainText('请写明办理结果');
  await page.getByTestId('step-resolution').fill('已送到家');
  await page.getByTestId('request-step-resolve-submit').click();
  await expect(drawer.getByTestId('request-state')).toHaveText('已办结');
  await expect(drawer.getByTestId('request-event')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(row.getByTestId('request-state-cell')).toHaveText('已办结');
  await expect(page.getByTestId('summary-needs-count')).toHaveText(String(needsBefore));

  // A status change (the map's dialog) shows in the header and on top of the history, and can be undone.
  await page.getByTestId('building-page-change-status').click();
  const dialog = page.getByTestId('bulk-modal');
  await expect(dialog.getByTestId(`bulk-breakdown-${pick.status}`)).toHaveAttribute('data-count', '1');
  await page.getByTestId('bulk-confirm').click();
  await expect(dialog).toContainText('请填写变更原因');
  await chooseOption(page, page.getByTestId('bulk-status'), pick.status === 'sealed' ? '管控' : '封控');
  const reason = `楼内出现密接人员 ${Date.now() % 100000}`;
  await page.getByTestId('bulk-reason').fill(reason);
  await page.getByTestId('bulk-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('bulk-done')).toBeVisible();
  const now = pick.status === 'sealed' ? 'controlled' : 'sealed';
  await expect(page.getByTestId('building-page-status-tag')).toHaveAttribute('data-status', now);
  const latest = page.getByTestId('building-history').getByTestId('history-entry').first();
  await expect(latest).toContainText(reason);
  await expect(latest.locator(`[data-status="${pick.status}"]`)).toBeVisible();
  await page.getByTestId('bulk-done-undo').click();
  await expect(page.getByTestId('building-page-status-tag')).toHaveAttribute('data-status', pick.status);
  await expect(page.getByTestId('building-history').getByTestId('history-entry').first().locator(`[data-status="${now}"]`)).toBeVisible();

  // The map link carries the building.
  const id = await building.getAttribute('data-building-id');
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenHashes: string[] }).seenHashes = seen;
    window.addEventListener('hashchange', () => seen.push(window.location.hash));
  });
  await page.getByTestId('building-page-map').click();
  await expect(page.getByTestId('nav-map').locator('xpath=ancestor::li')).toHaveClass(/ant-menu-item-selected/);
  expect(await page.evaluate(() => (window as unknown as { seenHashes: string[] }).seenHashes[0])).toBe(`#/map?building=${id}`);
  expect(errors).toEqual([]);
});
