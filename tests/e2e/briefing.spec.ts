import { expect, test, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { rpc } from './support/rpc';
import { startServerForTest, type TestServer } from './support/server';
import { NEED_KINDS_SQL } from '../../messages/requests';
import { openSignedIn } from './support/sign-in';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

const FULL_HD = { width: 1920, height: 1080 };

/** Every key figure, counted by SQL of its own over the server's data directory. */
function truth(now = Date.now()) {
  return readDb(server, (db) => {
    const n = (sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).pluck().get(params) as number;
    const baseline = db.prepare(`SELECT key FROM status_definitions WHERE deleted = 0 ORDER BY rank, key LIMIT 1`).pluck().get() as string;
    const watched = (tag: string) =>
      n(
        `SELECT count(DISTINCT t.resident_id) FROM resident_tags t JOIN buildings b ON b.id = t.building_id
          WHERE t.tag = @tag AND t.deleted = 0 AND b.deleted = 0 AND (t.starts_on IS NULL OR t.starts_on <= @now) AND (t.ends_on IS NULL OR t.ends_on >= @now)`,
        { tag, now },
      );
    const rounds = db
      .prepare(
        `SELECT count(*) AS households, coalesce(sum(result IN ('visited', 'refused')), 0) AS done FROM screening_visits
          WHERE round_id IN (SELECT id FROM screening_rounds WHERE deleted = 0 AND closed_at IS NULL)`,
      )
      .get() as { households: number; done: number };
    return {
      baseline,
      controlled: n(`SELECT count(*) FROM buildings WHERE deleted = 0 AND status <> @baseline`, { baseline }),
      safeCompounds: n(
        `SELECT count(DISTINCT s.compound_id) FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id
          WHERE s.deleted = 0 AND c.deleted = 0 AND s.granted_at <= @now AND (s.revoked_at IS NULL OR s.revoked_at > @now)`,
        { now },
      ),
      homeObservation: watched('home_observation'),
      isolation: watched('isolation'),
      openNeeds: n(`SELECT count(*) FROM requests WHERE deleted = 0 AND state IN ('pending', 'handling') AND kind IN ${NEED_KINDS_SQL}`),
      openIncidents: n(`SELECT count(*) FROM requests WHERE deleted = 0 AND state IN ('pending', 'handling') AND kind NOT IN ${NEED_KINDS_SQL}`),
      overdueRequests: n(`SELECT count(*) FROM requests WHERE deleted = 0 AND state IN ('pending', 'handling') AND due_at < @now`, { now }),
      screening: rounds.households > 0 ? rounds.done / rounds.households : 0,
      communities: n(`SELECT count(*) FROM communities WHERE deleted = 0`),
      normalBuilding: db.prepare(`SELECT id FROM buildings WHERE deleted = 0 AND status = @baseline ORDER BY id LIMIT 1`).pluck().get({ baseline }) as string,
    };
  });
}

async function openBriefing(page: Page, username: string): Promise<void> {
  await openSignedIn(page, server, username);
  await page.evaluate(() => (window.location.hash = '#/briefing'));
  await expect(page.getByTestId('page-briefing')).toBeVisible();
  await expect(page.getByTestId('briefing-figures')).toBeVisible();
}

/** A signed-in API session of another account, in a browser context of its own. */
async function otherAccount(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await rpc(page.request, server, 'auth.login', { username, password: E2E_PASSWORD });
  return { page, close: () => context.close() };
}

const value = (page: Page, key: string) => page.getByTestId(`briefing-figure-${key}`);

/** Nothing spills past the screen: the display is read from across the room, nobody scrolls it. */
async function expectNoScrolling(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
  expect(size.w).toBeLessThanOrEqual(size.iw);
  expect(size.h).toBeLessThanOrEqual(size.ih);
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('.gd-brief-panel-on .gd-brief-community, .gd-brief-figure')].filter((el) => el.scrollHeight > el.clientHeight + 1).length,
  );
  expect(overflowing, 'cards whose content is cut off').toBe(0);
}

test('a leader opens the 大屏: every figure matches the database, and a change elsewhere shows live', async ({ page, browser }) => {
  const errors = watchErrors(page, { console: false });
  await page.setViewportSize(FULL_HD);
  const before = truth();
  expect(before.controlled, 'the seed has buildings under control').toBeGreaterThan(0);
  await openBriefing(page, 'lingdao');

  for (const key of ['controlled', 'safeCompounds', 'homeObservation', 'isolation', 'openNeeds', 'openIncidents', 'overdueRequests'] as const) {
    await expect(value(page, key), key).toHaveAttribute('data-value', String(before[key]));
  }
  expect(Number(await value(page, 'screening').getAttribute('data-value'))).toBeCloseTo(before.screening, 6);
  await expect(page.getByTestId('briefing-live')).toHaveText('实时');
  await expect(page.getByTestId('page-briefing')).toHaveAttribute('data-stale', 'false');
  // A leader may not change data, and the display offers nothing to change but its own rotation.
  await expect(page.getByTestId('nav')).toHaveCount(0);
  await expect(page.getByTestId('briefing-settings-open')).toBeVisible();

  // Each panel, shown in turn for the screenshots (fixed on one at a time through the settings).
  for (const panel of ['map', 'communities', 'charts', 'trends'] as const) {
    await rpc(page.request, server, 'briefing.saveSettings', { panels: [panel], rotate: false, intervalSeconds: 20, staleAfterSeconds: 60 });
    await expect(page.getByTestId(`briefing-panel-${panel}`)).toHaveAttribute('data-active', 'true');
    if (panel === 'map') await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
    if (panel === 'communities') await expect(page.getByTestId('briefing-community')).toHaveCount(before.communities);
    if (panel === 'charts') await expect(page.getByTestId('briefing-chart-status').locator('.recharts-bar-rectangle').first()).toBeVisible();
    if (panel === 'trends') await expect(page.getByTestId('briefing-chart-status-trend').locator('.recharts-area').first()).toBeVisible();
    await expectNoScrolling(page);
    await page.screenshot({ path: join(ARTIFACTS, `briefing-${panel}-1920.png`) });
  }

  // Another account changes a building to 封控: the figure follows without a reload.
  const staff = await otherAccount(browser, 'zhiban');
  await rpc(staff.page.request, server, 'buildings.setStatus', { id: before.normalBuilding, status: 'sealed', reason: '发现确诊病例' });
  await expect(value(page, 'controlled')).toHaveAttribute('data-value', String(before.controlled + 1));
  await expect(value(page, 'controlled')).toHaveAttribute('data-attention', 'true');
  expect(truth().controlled).toBe(before.controlled + 1);
  await staff.close();
  expect(errors).toEqual([]);
});

test('at 3840×2160 the same layout fills the screen without scrolling', async ({ browser }) => {
  // Two more browser contexts, one of them drawing the map on 8 million pixels.
  test.setTimeout(test.info().timeout * 3);
  for (const [name, options] of [
    ['3840-scaled', { viewport: FULL_HD, deviceScaleFactor: 2 }],
    ['3840', { viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 1 }],
  ] as const) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await openBriefing(page, 'lingdao');
    await rpc(page.request, server, 'briefing.saveSettings', { panels: ['communities'], rotate: false, intervalSeconds: 20, staleAfterSeconds: 60 });
    await expect(page.getByTestId('briefing-panel-communities')).toHaveAttribute('data-active', 'true');
    await expectNoScrolling(page);
    const size = await page.getByTestId('briefing-value-controlled').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // 3.6 units of 1/120 of the width: about 58 CSS pixels on a 1920 wide layout, twice that on 3840.
    expect(size).toBeGreaterThanOrEqual(name === '3840' ? 110 : 55);
    await page.screenshot({ path: join(ARTIFACTS, `briefing-${name}.png`) });
    await context.close();
  }
});

test('an administrator sets a short rotation: the panels take turns in the chosen order', async ({ page }) => {
  await page.setViewportSize(FULL_HD);
  await openBriefing(page, 'admin');
  await page.getByTestId('briefing-settings-open').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('briefing-settings-panel-map').getByRole('checkbox').uncheck();
  await dialog.getByTestId('briefing-settings-panel-communities').getByRole('checkbox').uncheck();
  await dialog.getByTestId('briefing-settings-interval').fill('3');
  await dialog.getByTestId('briefing-settings-save').click();
  await expect(dialog).toBeHidden();

  const active = () => page.locator('[data-testid^="briefing-panel-"][data-active="true"]').getAttribute('data-testid');
  await expect.poll(active).toBe('briefing-panel-charts');
  await expect.poll(active).toBe('briefing-panel-trends');
  await expect.poll(active).toBe('briefing-panel-charts');
  await expect(page.getByTestId('briefing-panel-map')).toHaveCount(0);
  const saved = await rpc(page.request, server, 'briefing.settings', {});
  expect(saved).toMatchObject({ panels: ['charts', 'trends'], rotate: true, intervalSeconds: 3, updatedBy: expect.any(String) });

  // Bad input is refused with the field named, and nothing is saved.
  await page.getByTestId('briefing-settings-open').click();
  await dialog.getByTestId('briefing-settings-interval').fill('');
  await dialog.getByTestId('briefing-settings-save').click();
  await expect(dialog.getByTestId('briefing-settings-error')).toContainText('intervalSeconds');
  expect(await rpc(page.request, server, 'briefing.settings', {})).toEqual(saved);
});

test('when the server stops the 大屏 says its figures are stale instead of showing them as current', async ({ page }) => {
  await page.setViewportSize(FULL_HD);
  await openBriefing(page, 'lingdao');
  await expect(page.getByTestId('briefing-live')).toHaveText('实时');
  await server.stop();
  await expect(page.getByTestId('page-briefing')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('briefing-stale')).toContainText('连接已中断');
  await expect(page.getByTestId('briefing-live')).toHaveText('数据已过时');
  await page.screenshot({ path: join(ARTIFACTS, 'briefing-stale-1920.png') });
});
