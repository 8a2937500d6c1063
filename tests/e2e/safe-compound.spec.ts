import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { rpc } from './support/rpc';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;
/** A building whose compound holds no 放心楼院 designation, and one whose compound does. */
let plain: { id: string; compoundId: string; compoundName: string };
let flagged: string;

test.beforeEach(async () => {
  server = await startServerForTest();
  readDb(server, (db) => {
    plain = db
      .prepare(
        `SELECT b.id, c.id compoundId, c.name compoundName FROM buildings b JOIN compounds c ON c.id = b.compound_id
          WHERE b.deleted = 0 AND c.id NOT IN (SELECT compound_id FROM safe_compounds WHERE revoked_at IS NULL AND deleted = 0)
          ORDER BY b.id LIMIT 1 OFFSET 5`,
      )
      .get() as typeof plain;
    flagged = db
      .prepare(
        `SELECT b.id FROM buildings b JOIN safe_compounds s ON s.compound_id = b.compound_id AND s.revoked_at IS NULL AND s.deleted = 0
          WHERE b.deleted = 0 ORDER BY b.id LIMIT 1`,
      )
      .pluck()
      .get() as string;
  });
  expect(plain).toBeTruthy();
  expect(flagged).toBeTruthy();
});

test.afterEach(async () => server?.stop());

const safeList = (page: Page) => rpc(page.request, server, 'compounds.safeList', {});

interface Designation {
  criteria: string;
  note: string | null;
  granted_by: string;
  revoked_at: number | null;
  revoke_reason: string | null;
}

const designations = (compoundId: string): Designation[] =>
  readDb(server, (db) =>
    db
      .prepare('SELECT criteria, note, granted_by, revoked_at, revoke_reason FROM safe_compounds WHERE compound_id = ? AND deleted = 0 ORDER BY granted_at')
      .all(compoundId) as Designation[],
  );

const openBuildingPage = (page: Page, id: string) => page.evaluate((b) => (window.location.hash = `#/buildings/${b}`), id);
const openMapPanel = (page: Page, id: string) => page.evaluate((b) => (window.location.hash = `#/map?building=${b}`), id);

test('a duty officer grants 放心楼院 on the building page and revokes it from the map panel', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  await openSignedIn(page, server, 'zhiban');
  const before = (await safeList(page)).length;

  await openBuildingPage(page, plain.id);
  await expect(page.getByTestId('building-page')).toHaveAttribute('data-building-id', plain.id);
  await expect(page.getByTestId('building-page-safe')).toHaveCount(0);
  await expect(page.getByTestId('safe-revoke-open')).toHaveCount(0);
  await page.getByTestId('safe-grant-open').click();
  const form = page.getByTestId('safe-grant-form');
  await expect(form).toBeVisible();
  await expect(page.locator('.ant-modal-title')).toContainText(plain.compoundName);
  // Nothing ticked: refused before anything is sent.
  await page.getByTestId('safe-grant-submit').click();
  await expect(form).toContainText('请至少勾选一项达标条件');
  await page.getByTestId('safe-criterion-封闭管理到位').click();
  await page.getByTestId('safe-criterion-无新增风险人员').click();
  await expect(form.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await expect(form.locator('.ant-picker input')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId('safe-grant-note').fill('e2e 授予');
  await page.getByTestId('safe-grant-submit').click();
  await expect(form).toBeHidden();

  // The page shows the flag, the button turns into 撤销, the list and the database have it.
  await expect(page.getByTestId('building-page-safe')).toBeVisible();
  await expect(page.getByTestId('safe-revoke-open')).toBeVisible();
  await expect(page.getByTestId('safe-grant-open')).toHaveCount(0);
  const list = await safeList(page);
  expect(list).toHaveLength(before + 1);
  expect(list.find((s) => s.compoundId === plain.compoundId)?.criteria).toEqual(['封闭管理到位', '无新增风险人员']);
  const granted = designations(plain.compoundId).at(-1)!;
  expect(granted).toMatchObject({ note: 'e2e 授予', revoked_at: null });
  expect(JSON.parse(granted.criteria)).toEqual(['封闭管理到位', '无新增风险人员']);

  // The map panel of the same building shows the flag and offers the revocation.
  await openMapPanel(page, plain.id);
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  const panel = page.getByTestId('building-panel');
  await expect(panel).toHaveAttribute('data-building-id', plain.id);
  await expect(panel.getByTestId('building-safe')).toContainText('封闭管理到位');
  await panel.getByTestId('safe-revoke-open').click();
  const revoke = page.getByTestId('safe-revoke-form');
  await expect(page.getByTestId('safe-revoke-current')).toContainText('无新增风险人员');
  await page.getByTestId('safe-revoke-submit').click();
  await expect(revoke).toContainText('请填写撤销原因');
  await page.getByTestId('safe-revoke-reason').fill('发现新增风险人员，暂不符合条件');
  await expect(revoke.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'safe-compound.png') });
  await page.getByTestId('safe-revoke-submit').click();
  await expect(revoke).toBeHidden();

  await expect(panel.getByTestId('building-safe')).toHaveCount(0);
  await expect(panel.getByTestId('safe-grant-open')).toBeVisible();
  expect(await safeList(page)).toHaveLength(before);
  expect(designations(plain.compoundId).at(-1)).toMatchObject({ revoke_reason: '发现新增风险人员，暂不符合条件' });
  expect(designations(plain.compoundId).at(-1)!.revoked_at).not.toBeNull();

  // Back on the building page, the flag is gone too.
  await openBuildingPage(page, plain.id);
  await expect(page.getByTestId('building-page')).toBeVisible();
  await expect(page.getByTestId('building-page-safe')).toHaveCount(0);
  await expect(page.getByTestId('safe-grant-open')).toBeVisible();
  expect(errors).toEqual([]);
});

test('granting a compound that is already designated is refused and nothing is written', async ({ page, browser }) => {
  await openSignedIn(page, server, 'zhiban');
  await openBuildingPage(page, plain.id);
  await page.getByTestId('safe-grant-open').click();
  await page.getByTestId('safe-criterion-环境卫生整洁').click();
  // Someone else grants it first, in another window.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await openSignedIn(otherPage, server, 'zhiban');
  expect(await rpc(otherPage.request, server, 'compounds.designateSafe', { compoundId: plain.compoundId, grantedAt: Date.now() - 60_000, criteria: ['环境卫生整洁'] })).toMatchObject({
    compoundId: plain.compoundId,
  });
  await other.close();
  const count = designations(plain.compoundId).length;

  await page.getByTestId('safe-grant-submit').click();
  await expect(page.getByTestId('safe-grant-error')).toContainText('已是放心楼院');
  expect(designations(plain.compoundId)).toHaveLength(count);
});

test('a leader sees the flag but neither button', async ({ page }) => {
  await openSignedIn(page, server, 'lingdao');
  await openBuildingPage(page, flagged);
  await expect(page.getByTestId('building-page-safe')).toBeVisible();
  await expect(page.getByTestId('safe-grant-open')).toHaveCount(0);
  await expect(page.getByTestId('safe-revoke-open')).toHaveCount(0);
  await openMapPanel(page, flagged);
  await expect(page.getByTestId('building-panel')).toHaveAttribute('data-building-id', flagged);
  await expect(page.getByTestId('building-safe')).toBeVisible();
  await expect(page.getByTestId('safe-grant-open')).toHaveCount(0);
  await expect(page.getByTestId('safe-revoke-open')).toHaveCount(0);
});
