import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './support/antd';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { rpc } from './support/rpc';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

const servers: TestServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** A fresh installation with no data (the city): set up with one administrator, signed in. */
async function openFreshCity(page: Page, server: TestServer): Promise<void> {
  await page.goto(server.url);
  // A fresh installation first asks whether to try the demo or set up an office; the city is set up by call.
  await expect(page.getByTestId('setup-choice').or(page.getByTestId('login-username'))).toBeVisible();
  await rpc(page.request, server, 'auth.setup', { username: 'admin', displayName: '市数据管理员', password: E2E_PASSWORD });
  await rpc(page.request, server, 'auth.login', { username: 'admin', password: E2E_PASSWORD });
  await page.reload();
}

async function openExchange(page: Page): Promise<void> {
  await page.getByTestId('nav-exchange').click();
  await expect(page.getByTestId('exchange-page')).toBeVisible();
  await expect(page.getByTestId('exchange-card-text')).toContainText('GridDesk 密钥卡 v1');
}

async function trust(page: Page, card: string): Promise<void> {
  await page.getByTestId('exchange-partner-card').fill(card);
  await page.getByTestId('exchange-partner-add').click();
  await expect(page.getByText('已加入信任列表')).toBeVisible();
}

/** Exports a bundle for the partner through the page; the downloaded bytes. */
async function exportFor(page: Page, partner: string, all: boolean): Promise<Buffer> {
  await chooseOption(page, page.getByTestId('exchange-export-to'), partner);
  if (all) await page.getByTestId('exchange-export-all').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('exchange-export-start').click();
  return readFileSync((await (await download).path())!);
}

async function pickBundle(page: Page, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('exchange-import-pick').click();
  await (await chooser).setFiles({ name: 'bundle.gdbundle', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByTestId('exchange-preview')).toBeVisible();
}

test('a street office exports a bundle for the city, which imports it through the dry run and resolves a conflict', async ({ browser }) => {
  test.setTimeout(240_000);
  const street = await startServerForTest();
  const city = await startServerForTest({ fromTemplate: false, args: ['--no-seed'] });
  servers.push(street, city);
  const streetPage = await browser.newPage();
  const cityPage = await browser.newPage();
  const errors = [watchErrors(streetPage, { console: false }), watchErrors(cityPage, { console: false })];

  await openSignedIn(streetPage, street, 'shuju');
  await openExchange(streetPage);
  await openFreshCity(cityPage, city);
  await openExchange(cityPage);
  await expect(streetPage.getByTestId('exchange-fingerprint')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(streetPage.getByTestId('exchange-qr')).toBeVisible();

  await trust(cityPage, (await streetPage.getByTestId('exchange-card-text').textContent())!);
  await trust(streetPage, (await cityPage.getByTestId('exchange-card-text').textContent())!);
  await streetPage.screenshot({ path: join(ARTIFACTS, 'exchange-street.png'), fullPage: true });

  // Everything, for the city.
  const first = await exportFor(streetPage, '未命名街道办', true);
  const buildings = readDb(street, (db) => db.prepare('SELECT count(*) FROM buildings').pluck().get()) as number;
  await pickBundle(cityPage, first);
  await expect(cityPage.getByTestId('exchange-preview')).toContainText('签名已核对');
  await expect(cityPage.getByTestId('exchange-total-conflict')).toHaveText('0');
  expect(Number(await cityPage.getByTestId('exchange-total-create').textContent())).toBeGreaterThan(buildings);
  await cityPage.screenshot({ path: join(ARTIFACTS, 'exchange-preview.png'), fullPage: true });
  // The dry run wrote nothing.
  expect(readDb(city, (db) => db.prepare('SELECT count(*) FROM buildings').pluck().get())).toBe(0);
  await cityPage.getByTestId('exchange-import-apply').click();
  await expect(cityPage.getByText('已导入：新增')).toBeVisible({ timeout: 60_000 });
  expect(readDb(city, (db) => db.prepare('SELECT count(*) FROM buildings').pluck().get())).toBe(buildings);

  // The same building changed on both sides before the next exchange.
  const building = readDb(street, (db) => db.prepare('SELECT id FROM buildings ORDER BY id LIMIT 1').pluck().get()) as string;
  await rpc(cityPage.request, city, 'buildings.setStatus', { id: building, status: 'controlled', reason: '市里核实：管控' });
  const streetAdmin = await browser.newPage();
  await openSignedIn(streetAdmin, street, 'admin');
  await rpc(streetAdmin.request, street, 'buildings.setStatus', { id: building, status: 'sealed', reason: '街道上报：封控' });
  const second = await exportFor(streetPage, '未命名街道办', false);

  await pickBundle(cityPage, second);
  await expect(cityPage.getByTestId('exchange-total-conflict')).toHaveText('1');
  await cityPage.getByTestId('exchange-import-apply').click();
  const conflict = cityPage.getByTestId('exchange-conflict');
  await expect(conflict).toHaveCount(1, { timeout: 60_000 });
  await expect(conflict).toContainText('buildings');
  await expect(conflict).toContainText('sealed');
  await expect(conflict).toContainText('controlled');
  await cityPage.screenshot({ path: join(ARTIFACTS, 'exchange-conflict.png'), fullPage: true });
  await conflict.getByTestId('exchange-take-theirs').click();
  await expect(cityPage.getByTestId('exchange-conflict')).toHaveCount(0);
  expect(readDb(city, (db) => db.prepare('SELECT status FROM buildings WHERE id = ?').pluck().get(building))).toBe('sealed');
  await expect(cityPage.getByTestId('exchange-history')).toContainText('收到');
  const audits = readDb(city, (db) => db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'bundles.%' ORDER BY seq`).pluck().all());
  expect(audits).toEqual(['bundles.partner_add', 'bundles.import', 'bundles.import', 'bundles.resolve']);
  for (const e of errors) expect(e).toEqual([]);
});

test('a bundle for one community carries that community only, and the city imports it on its own', async ({ browser }) => {
  test.setTimeout(240_000);
  const street = await startServerForTest();
  const city = await startServerForTest({ fromTemplate: false, args: ['--no-seed'] });
  servers.push(street, city);
  const streetPage = await browser.newPage();
  const cityPage = await browser.newPage();
  const errors = [watchErrors(streetPage, { console: false }), watchErrors(cityPage, { console: false })];
  await openSignedIn(streetPage, street, 'shuju');
  await openExchange(streetPage);
  await openFreshCity(cityPage, city);
  await openExchange(cityPage);
  await trust(cityPage, (await streetPage.getByTestId('exchange-card-text').textContent())!);
  await trust(streetPage, (await cityPage.getByTestId('exchange-card-text').textContent())!);

  const community = readDb(street, (db) => db.prepare('SELECT id, name FROM communities ORDER BY code LIMIT 1').get()) as { id: string; name: string };
  const inIt = readDb(street, (db) => db.prepare('SELECT count(*) FROM buildings WHERE community_id = ?').pluck().get(community.id)) as number;
  await chooseOption(streetPage, streetPage.getByTestId('exchange-export-to'), '未命名街道办');
  await streetPage.getByTestId('exchange-export-all').click();
  await streetPage.getByTestId('exchange-export-area').click();
  await streetPage.locator('.ant-select-tree-treenode', { hasText: community.name }).first().locator('.ant-select-tree-checkbox').click();
  await streetPage.keyboard.press('Escape');
  await expect(streetPage.locator('.ant-select-tree-list')).toBeHidden();
  await expect(streetPage.getByTestId('exchange-export-area')).toContainText(community.name);
  await streetPage.screenshot({ path: join(ARTIFACTS, 'exchange-export-area.png'), fullPage: true });
  const download = streetPage.waitForEvent('download');
  await streetPage.getByTestId('exchange-export-start').click();
  const bytes = readFileSync((await (await download).path())!);

  await pickBundle(cityPage, bytes);
  await expect(cityPage.getByTestId('exchange-total-conflict')).toHaveText('0');
  await cityPage.getByTestId('exchange-import-apply').click();
  await expect(cityPage.getByText('已导入：新增')).toBeVisible({ timeout: 60_000 });
  expect(readDb(city, (db) => db.prepare('SELECT DISTINCT community_id FROM buildings').pluck().all())).toEqual([community.id]);
  expect(readDb(city, (db) => db.prepare('SELECT count(*) FROM buildings').pluck().get())).toBe(inIt);
  for (const e of errors) expect(e).toEqual([]);
});

test('an aggregate-only report reaches the city as figures, merges no record, and its audit anchor shows on the partner', async ({ browser }) => {
  test.setTimeout(240_000);
  const street = await startServerForTest();
  const city = await startServerForTest({ fromTemplate: false, args: ['--no-seed'] });
  servers.push(street, city);
  const streetPage = await browser.newPage();
  const cityPage = await browser.newPage();
  const errors = [watchErrors(streetPage, { console: false }), watchErrors(cityPage, { console: false })];
  await openSignedIn(streetPage, street, 'shuju');
  await openExchange(streetPage);
  await openFreshCity(cityPage, city);
  await openExchange(cityPage);
  await trust(cityPage, (await streetPage.getByTestId('exchange-card-text').textContent())!);
  await trust(streetPage, (await cityPage.getByTestId('exchange-card-text').textContent())!);
  await expect(cityPage.getByTestId('exchange-partners')).toContainText('尚未收到');

  await chooseOption(streetPage, streetPage.getByTestId('exchange-export-to'), '未命名街道办');
  await streetPage.getByTestId('exchange-export-aggregate').click();
  const download = streetPage.waitForEvent('download');
  await streetPage.getByTestId('exchange-export-start').click();
  const bytes = readFileSync((await (await download).path())!);
  const households = readDb(street, (db) => db.prepare('SELECT count(*) FROM households WHERE deleted = 0').pluck().get()) as number;

  await pickBundle(cityPage, bytes);
  await expect(cityPage.getByTestId('exchange-report-note')).toContainText('汇总报表');
  const report = cityPage.getByTestId('exchange-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('在岗志愿者');
  await cityPage.screenshot({ path: join(ARTIFACTS, 'exchange-report.png'), fullPage: true });
  await cityPage.getByTestId('exchange-import-apply').click();
  await expect(cityPage.getByText('已收下汇总报表')).toBeVisible({ timeout: 60_000 });
  expect(households).toBeGreaterThan(0);
  expect(readDb(city, (db) => db.prepare('SELECT count(*) FROM households').pluck().get())).toBe(0);
  expect(readDb(city, (db) => db.prepare('SELECT count(*) FROM residents').pluck().get())).toBe(0);

  // The anchor the street signed as it sent is kept and shown on its row.
  const anchor = readDb(street, (db) => db.prepare(`SELECT audit_seq, audit_hash FROM audit_anchors WHERE reason = 'bundle' ORDER BY seq DESC LIMIT 1`).get()) as {
    audit_seq: number;
    audit_hash: string;
  };
  await expect(cityPage.locator('[data-testid^="exchange-anchor-"]')).toHaveText(`审计第 ${anchor.audit_seq} 条 · ${anchor.audit_hash.slice(0, 12)}…`);
  expect(readDb(city, (db) => db.prepare('SELECT count(*) FROM bundle_anchors').pluck().get())).toBe(1);
  await cityPage.screenshot({ path: join(ARTIFACTS, 'exchange-anchor.png'), fullPage: true });
  for (const e of errors) expect(e).toEqual([]);
});
