import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

/** Signs in with the form, as a user would, so the app picks the landing page itself. */
async function signInWithForm(page: Page, username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
}

function initials(text: string): string {
  return pinyin(text.replace(/\s+/g, ''), { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/** Types into the header's search box (the results follow once typing pauses). */
async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('search-box');
  await box.click();
  await box.fill(text);
}

async function expectBuildingSelected(page: Page, buildingId: string): Promise<void> {
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('building-panel')).toHaveAttribute('data-building-id', buildingId);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/map');
}

test('a duty officer lands on the 总览, whose figures match the database and open the list behind them', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const truth = readDb(server, (db) => ({
    openNeeds: db
      .prepare(`SELECT count(*) FROM requests r JOIN buildings b ON b.id = r.building_id WHERE r.deleted = 0 AND b.deleted = 0 AND r.state IN ('pending', 'handling') AND r.kind IN ('shopping', 'medicine', 'care', 'other')`)
      .pluck()
      .get() as number,
    round: db.prepare(`SELECT id, household_count FROM screening_rounds WHERE deleted = 0 AND closed_at IS NULL ORDER BY number DESC LIMIT 1`).get() as
      | { id: string; household_count: number }
      | undefined,
  }));
  expect(truth.openNeeds, 'the seed has open requests for help').toBeGreaterThan(0);

  await signInWithForm(page, 'zhiban');
  await expect(page.getByTestId('page-overview')).toBeVisible();
  await expect(page.getByTestId('nav-overview')).toBeVisible();
  await expect(page.getByTestId('overview-open-needs')).toHaveAttribute('data-value', String(truth.openNeeds));
  // The first sign-in of this account: counted from the start of the shift.
  await expect(page.getByTestId('overview-since-at')).toContainText('第一次登录');
  await page.getByTestId('overview-since').getByText('本班开始以来').click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/overview?since=shift');
  await expect(page.getByTestId('overview-since-at')).toContainText('自');
  await expect(page.getByTestId('overview-staffing')).toContainText('排班');
  if (truth.round) await expect(page.getByTestId('overview-screening')).toContainText('本轮入户摸排');

  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await page.screenshot({ path: join(ARTIFACTS, `overview-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByTestId('overview-open-needs').click();
  await expect(page.getByTestId('requests-page')).toBeVisible();
  await expect(page.getByTestId('requests-total')).toHaveText(`共 ${truth.openNeeds} 条`);

  // A community's open requests for help: the 诉求 page filtered to the community.
  await page.goBack();
  await expect(page.getByTestId('page-overview')).toBeVisible();
  const first = page.getByTestId('overview-community').first();
  const communityId = await first.getAttribute('data-community-id');
  const communityNeeds = readDb(server, (db) =>
    db
      .prepare(
        `SELECT count(*) FROM requests r JOIN buildings b ON b.id = r.building_id
          WHERE r.deleted = 0 AND b.deleted = 0 AND r.state IN ('pending', 'handling') AND r.kind IN ('shopping', 'medicine', 'care', 'other') AND b.community_id = ?`,
      )
      .pluck()
      .get(communityId),
  );
  await first.getByTestId('overview-community-needs').click();
  await expect(page.getByTestId('requests-total')).toHaveText(`共 ${communityNeeds} 条`);
  expect(errors).toEqual([]);
});

test('the search box finds a building by the pinyin initials of what tells it apart and a resident by a phone’s last four digits, and opens them on the map', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  const pick = readDb(server, (db) => {
    const street = db.prepare(`SELECT name FROM street_offices WHERE deleted = 0 LIMIT 1`).pluck().get() as string;
    const building = db.prepare(`SELECT id, address FROM buildings WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET 37`).get() as { id: string; address: string };
    const resident = db
      .prepare(
        `SELECT r.name, r.phone, r.building_id AS buildingId FROM residents r JOIN buildings b ON b.id = r.building_id
          WHERE r.deleted = 0 AND b.deleted = 0 AND r.phone IS NOT NULL
            AND substr(r.phone, -4) IN (SELECT substr(phone, -4) FROM residents WHERE deleted = 0 AND phone IS NOT NULL GROUP BY 1 HAVING count(*) = 1)
          ORDER BY r.id LIMIT 1`,
      )
      .get() as { name: string; phone: string; buildingId: string };
    return { street, building, resident };
  });
  expect(pick.resident, 'some phone ends in four digits no other phone ends in').toBeTruthy();
  // The part after the street's name: 「永安西里社区 26号院 1号楼」 → yaxlsq26hy1hl.
  const typed = initials(pick.building.address.slice(pick.street.length));

  await signInWithForm(page, 'zhiban');
  await expect(page.getByTestId('page-overview')).toBeVisible();
  await search(page, initials(pick.street).slice(0, 3));
  // Every address starts with the street's name: its initials find no building (a community named after the road, maybe).
  await expect(page.locator('.gd-search-popup').locator('[data-testid^="search-group-"], .ant-select-item-empty').first()).toBeVisible();
  await expect(page.getByTestId('search-option-building')).toHaveCount(0);

  await search(page, typed);
  const option = page.locator(`[data-testid="search-option-building"][data-id="${pick.building.id}"]`);
  await expect(option).toBeVisible();
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await expect(option).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, `search-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByTestId('search-option-building').first()).toHaveAttribute('data-id', pick.building.id);
  await page.keyboard.press('Enter');
  await expectBuildingSelected(page, pick.building.id);

  await search(page, pick.resident.phone.slice(-4));
  const resident = page.getByTestId('search-option-resident');
  await expect(resident).toHaveCount(1);
  await expect(resident).toContainText(pick.resident.name);
  await expect(resident).toContainText(`****${pick.resident.phone.slice(-4)}`);
  await expect(resident).not.toContainText(pick.resident.phone);
  await expect(resident).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'search-over-map.png') });
  // Down to the resident (the first choice is active), then Enter.
  const before = await page.locator('.gd-search-popup .ant-select-item-option').count();
  for (let i = 1; i < before; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectBuildingSelected(page, pick.resident.buildingId);

  // A grid: the map fits it into view, every one of its buildings shown.
  const grid = readDb(server, (db) => {
    const g = db.prepare(`SELECT g.id, c.name || g.name AS typed FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.deleted = 0 ORDER BY g.code LIMIT 1 OFFSET 5`).get() as { id: string; typed: string };
    return { ...g, buildings: db.prepare(`SELECT id FROM buildings WHERE grid_id = ? AND deleted = 0`).pluck().all(g.id) as string[] };
  });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('building-panel')).toHaveCount(0);
  await search(page, grid.typed);
  await expect(page.getByTestId('search-option-grid').first()).toHaveAttribute('data-id', grid.id);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/map');
  await expect
    .poll(async () => {
      const shown = new Set(await page.evaluate(() => window.__gridDeskMap!.visibleCentres().map((c) => c.id)));
      return grid.buildings.filter((id) => !shown.has(id)).length;
    })
    .toBe(0);
  expect(errors).toEqual([]);
});

test('a grid worker lands on the 总览 of their grids, and a leader keeps the map', async ({ browser }) => {
  const workerContext = await browser.newContext();
  const worker = await workerContext.newPage();
  await signInWithForm(worker, 'wangge');
  await expect(worker.getByTestId('page-overview')).toBeVisible();
  await expect(worker.getByTestId('page-overview')).toContainText('仅统计您负责的网格');
  await workerContext.close();

  const leader = await (await browser.newContext()).newPage();
  await signInWithForm(leader, 'lingdao');
  await expect(leader.getByTestId('page-map')).toBeVisible();
  await expect(leader.getByTestId('page-overview')).toHaveCount(0);
});
