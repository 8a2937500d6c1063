import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;
/** From the SQLite file: a grid with households and how many; the grid worker's grids. */
let grid: { id: string; label: string; households: number };
let wanggeGrids: string[];
/** The seeded rounds, by number. */
let rounds: Map<number, { id: string; name: string }>;

test.beforeEach(async () => {
  server = await startServerForTest();
  readDb(server, (db) => {
    grid = db
      .prepare(
        `SELECT g.id id, c.name || ' · ' || g.name label, count(h.id) households
           FROM grids g JOIN communities c ON c.id = g.community_id
           JOIN buildings b ON b.grid_id = g.id AND b.deleted = 0
           JOIN households h ON h.building_id = b.id AND h.deleted = 0
          WHERE g.deleted = 0 GROUP BY g.id ORDER BY g.code LIMIT 1`,
      )
      .get() as typeof grid;
    wanggeGrids = JSON.parse(db.prepare(`SELECT grid_ids FROM accounts WHERE username = 'wangge'`).pluck().get() as string) as string[];
    const all = db.prepare('SELECT id, name, number FROM screening_rounds WHERE deleted = 0').all() as { id: string; name: string; number: number }[];
    rounds = new Map(all.map((r) => [r.number, r]));
  });
  expect(grid.households).toBeGreaterThan(0);
  expect(wanggeGrids.length).toBeGreaterThan(0);
});

test.afterEach(async () => server?.stop());

const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

async function figure(page: Page, key: string): Promise<number> {
  return Number(((await page.getByTestId(`total-${key}-value`).textContent()) ?? '').replace(/,/g, ''));
}

async function figures(page: Page) {
  return {
    visited: await figure(page, 'visited'),
    nobodyHome: await figure(page, 'nobodyHome'),
    pending: await figure(page, 'pending'),
    returnees: await figure(page, 'returnees'),
  };
}

/** The first household of the queue that nobody has tried yet. */
async function firstPending(page: Page): Promise<{ row: Locator; id: string }> {
  const row = page.getByTestId('visit-queue').locator('tr[data-testid^="queue-row-"]').filter({ hasText: '未走访' }).first();
  await expect(row).toBeVisible();
  const id = ((await row.getAttribute('data-testid')) ?? '').replace('queue-row-', '');
  return { row, id };
}

async function openRound(page: Page, username: string): Promise<void> {
  await openSignedIn(page, server, username);
  await page.getByTestId('nav-screening').click();
  await expect(page.getByTestId('screening-page')).toBeVisible();
  await expect(page.getByTestId('round-detail')).toBeVisible();
}

test('a visit and a nobody-home are recorded, the progress moves by one each, and a new round over one grid counts its households', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openRound(page, 'zhiban');
  await expect(page.getByTestId('rounds-table').locator('tr[data-testid^="round-row-"]')).toHaveCount(2);
  // The round in progress (round 2) is opened by default.
  await expect(page.getByTestId('round-detail')).toHaveAttribute('data-round-number', '2');
  await expect(page.getByTestId('round-row-2')).toContainText('进行中');
  await expect(page.getByTestId('grid-progress').locator('tr[data-testid^="grid-progress-"]').first()).toBeVisible();
  const before = await figures(page);

  // Visited, with a returnee.
  const visited = await firstPending(page);
  await page.getByTestId(`visit-${visited.id}`).click();
  await expect(page.getByTestId('visit-form')).toBeVisible();
  await page.getByTestId('visit-result-visited').click();
  await page.getByTestId('visit-returnee').check();
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('visit-form')).toHaveCount(0);
  await expect(page.getByTestId(`total-visited-value`)).toHaveText(fmt(before.visited + 1));
  await expect(page.getByTestId(`total-returnees-value`)).toHaveText(fmt(before.returnees + 1));
  await expect(page.getByTestId(`total-pending-value`)).toHaveText(fmt(before.pending - 1));
  // Done households leave the default queue.
  await expect(page.getByTestId(`queue-row-${visited.id}`)).toHaveCount(0);

  // Nobody home: stays in the queue with one attempt.
  const away = await firstPending(page);
  await page.getByTestId(`visit-${away.id}`).click();
  await page.getByTestId('visit-result-nobody_home').click();
  await expect(page.getByTestId('visit-form')).toContainText('留在待走访队列');
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('visit-form')).toHaveCount(0);
  await expect(page.getByTestId(`total-nobodyHome-value`)).toHaveText(fmt(before.nobodyHome + 1));
  await expect(page.getByTestId(`total-pending-value`)).toHaveText(fmt(before.pending - 2));
  await expect(page.getByTestId(`total-visited-value`)).toHaveText(fmt(before.visited + 1));
  const awayRow = page.getByTestId(`queue-row-${away.id}`);
  await expect(awayRow.getByTestId('queue-result')).toHaveText('无人在家');
  await expect(awayRow.getByTestId('queue-attempts')).toHaveText('1');
  await page.screenshot({ path: join(ARTIFACTS, 'screening.png') });

  // A new round over one grid.
  await page.getByTestId('round-start').click();
  const form = page.getByTestId('round-start-form');
  await form.getByText('按网格').click();
  await page.getByTestId('round-start-submit').click();
  await expect(form).toContainText('请至少选择一个网格');
  await page.getByTestId('round-start-ids').click();
  await page.keyboard.type(grid.label.split(' · ')[1]!);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: grid.label }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('round-start-name').fill('单网格复查');
  await page.getByTestId('round-start-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('round-row-3')).toContainText('单网格复查');
  await expect(page.getByTestId('round-row-3')).toContainText(`0/${fmt(grid.households)}`);
  await expect(page.getByTestId('round-detail')).toHaveAttribute('data-round-number', '3');
  await expect(page.getByTestId('total-households-value')).toHaveText(fmt(grid.households));
  await expect(page.getByTestId('total-pending-value')).toHaveText(fmt(grid.households));
  await expect(page.getByTestId('grid-progress').locator('tr[data-testid^="grid-progress-"]')).toHaveCount(1);
  await expect(page.getByTestId(`grid-progress-${grid.id}`)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a grid worker sees only their own grids and cannot start a round', async ({ page }) => {
  await openRound(page, 'wangge');
  await expect(page.getByTestId('round-start')).toHaveCount(0);
  const rows = page.getByTestId('grid-progress').locator('tr[data-testid^="grid-progress-"]');
  await expect(rows.first()).toBeVisible();
  const ids = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))).map((s) => s.replace('grid-progress-', ''));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(wanggeGrids).toContain(id);
  // The queue's grid filter offers the same grids only.
  await page.getByTestId('queue-grid').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveCount(ids.length);
});

test('「在地图上看进度」 opens the map coloured by the progress of the round on show', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openRound(page, 'zhiban');
  // The first (closed) round, not the default one.
  const round = rounds.get(1)!;
  expect(round).toBeTruthy();
  await page.getByTestId('round-row-1').click();
  await expect(page.getByTestId('round-detail')).toHaveAttribute('data-round-number', '1');
  await page.getByTestId('screening-map').click();
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  const legend = page.getByTestId('screening-legend');
  await expect(legend).toHaveAttribute('data-round-id', round.id);
  await expect(legend).toContainText(round.name);
  await expect(page.getByTestId('screening-total')).toBeVisible();
  await expect(page.getByTestId('map-legend')).toHaveCount(0);
  await expect(page.getByTestId('toggle-screening')).toBeChecked();
  await expect(page.getByTestId('screening-round')).toContainText(round.name);
  await expect(page).toHaveURL(/#\/map$/);
  await page.screenshot({ path: join(ARTIFACTS, 'screening-map.png') });
  // Back to the statuses with the same switch.
  await page.getByTestId('toggle-screening').click();
  await expect(page.getByTestId('map-legend')).toBeVisible();
  expect(errors).toEqual([]);
});
