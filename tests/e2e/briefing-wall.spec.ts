import { expect, test, type Page } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { rpc } from './support/rpc';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';
import { WALL_LISTENING } from '../../electron/server/wall-host';
import { pdfText, squash } from '../shared/pdf-text';

let server: TestServer;
const FULL_HD = { width: 1920, height: 1080 };

test.beforeEach(async () => {
  // The wall listener on every address, as on an office PC; the operators' port stays on 127.0.0.1.
  server = await startServerForTest({ args: ['--wall', '0.0.0.0:0'] });
});
test.afterEach(async () => server?.stop());

/** The wall address the server printed, reached by IP as a wall PC would. */
function wallUrl(): string {
  const port = new RegExp(`${WALL_LISTENING}http://[^\\s/]+:(\\d+)/wall`).exec(server.output())?.[1];
  if (!port) throw new Error(`no wall address printed:\n${server.output()}`);
  return `http://127.0.0.1:${port}/wall`;
}

/** A request with a Host header of our choosing (a browser would send the rebound name). */
function statusWithHost(url: string, host: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: '/api/wall/status', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function openBriefing(page: Page, username: string): Promise<void> {
  await openSignedIn(page, server, username);
  await page.evaluate(() => (window.location.hash = '#/briefing'));
  await expect(page.getByTestId('briefing-figures')).toBeVisible();
}

async function makeCode(page: Page, name: string): Promise<string> {
  await page.getByTestId('briefing-wall-open').click();
  await page.getByTestId('wall-name').fill(name);
  await page.getByTestId('wall-create-code').click();
  const shown = (await page.getByTestId('wall-code').textContent()) ?? '';
  expect(shown).toMatch(/^\d{4} \d{4}$/);
  return shown;
}

/** Calls the wall's API from inside the wall page, as a script there could. */
const wallCall = (page: Page, method: string, input: unknown) =>
  page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/api/rpc', { method: 'POST', headers: { 'content-type': 'application/json', 'x-griddesk': '1' }, body: JSON.stringify({ method: m, input: i }) });
      return (await res.json()) as { ok: boolean; error?: { code: string; key?: string; message: string } };
    },
    [method, input] as const,
  );

test('a leader pairs a wall PC: it shows the figures live, reads nothing else, and goes dark when revoked', async ({ page, browser }) => {
  await page.setViewportSize(FULL_HD);
  const errors = watchErrors(page);
  const url = wallUrl();
  // Host names are refused on the wall port (DNS rebinding); addresses are what wall PCs type.
  expect(await statusWithHost(url, `evil.example:${new URL(url).port}`)).toBe(421);
  expect(await statusWithHost(url, `127.0.0.1:${new URL(url).port}`)).toBe(200);
  // The operators' port still answers only on 127.0.0.1, and the wall port serves none of its API.
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:/);

  await openBriefing(page, 'lingdao');
  const code = await makeCode(page, '三楼会议室');
  await page.screenshot({ path: join(ARTIFACTS, 'briefing-wall-code.png') });
  await page.keyboard.press('Escape');

  const wallContext = await browser.newContext({ viewport: FULL_HD });
  const wall = await wallContext.newPage();
  // Refused requests after the revocation log to the console by design; the page itself must not fail.
  const wallErrors = watchErrors(wall, { console: false });
  await wall.goto(url);
  await expect(wall.getByTestId('wall-pairing')).toBeVisible();
  await wall.getByTestId('wall-code-input').fill('0000 0000');
  await wall.getByTestId('wall-pair-submit').click();
  await expect(wall.getByTestId('wall-pair-error')).toContainText('配对码不对或已过期');
  await wall.screenshot({ path: join(ARTIFACTS, 'briefing-wall-pairing.png') });
  await wall.getByTestId('wall-code-input').fill(code);
  await wall.getByTestId('wall-pair-submit').click();
  await expect(wall.getByTestId('briefing-figures')).toBeVisible();
  await expect(wall.getByText('三楼会议室')).toBeVisible();
  // Nothing to set up or leave on the wall.
  await expect(wall.getByTestId('briefing-settings-open')).toHaveCount(0);
  await expect(wall.getByTestId('briefing-exit')).toHaveCount(0);
  await expect(wall.getByTestId('briefing-export-pdf')).toHaveCount(0);

  const cookie = (await wallContext.cookies()).find((c) => c.name === 'griddesk_wall');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
  // The code worked once.
  expect(await wall.evaluate(async (c) => (await (await fetch('/api/wall/pair', { method: 'POST', headers: { 'x-griddesk': '1' }, body: JSON.stringify({ code: c }) })).json()) as unknown, code)).toMatchObject({
    ok: false,
    error: { key: 'wall.codeWrong' },
  });

  const truth = readDb(server, (db) => ({
    baseline: db.prepare(`SELECT key FROM status_definitions WHERE deleted = 0 ORDER BY rank, key LIMIT 1`).pluck().get() as string,
    names: db.prepare(`SELECT name FROM residents WHERE deleted = 0 ORDER BY id LIMIT 50`).pluck().all() as string[],
    building: db.prepare(`SELECT id FROM buildings WHERE deleted = 0 ORDER BY id LIMIT 1`).pluck().get() as string,
    resident: db.prepare(`SELECT id FROM residents WHERE deleted = 0 ORDER BY id LIMIT 1`).pluck().get() as string,
  }));
  const controlled = () => readDb(server, (db) => db.prepare(`SELECT count(*) FROM buildings WHERE deleted = 0 AND status <> ?`).pluck().get(truth.baseline) as number);
  await expect(wall.getByTestId('briefing-figure-controlled')).toHaveAttribute('data-value', String(controlled()));
  await wall.screenshot({ path: join(ARTIFACTS, 'briefing-wall-1920.png') });

  // Live: a change made in the leader's colleague's session shows on the wall.
  const normal = readDb(server, (db) => db.prepare(`SELECT id FROM buildings WHERE deleted = 0 AND status = ? ORDER BY id LIMIT 1`).pluck().get(truth.baseline) as string);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(server.url);
  await rpc(staff.request, server, 'auth.login', { username: 'zhiban', password: E2E_PASSWORD });
  await rpc(staff.request, server, 'buildings.setStatus', { id: normal, status: 'sealed', reason: '发现确诊病例' });
  await expect(wall.getByTestId('briefing-figure-controlled')).toHaveAttribute('data-value', String(controlled()));

  // Nothing else answers the wall: a change, a building's page, a person's numbers.
  expect(await wallCall(wall, 'buildings.setStatus', { id: normal, status: 'normal', reason: '解除' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'wall.methodRefused' } });
  expect(await wallCall(wall, 'buildings.get', { id: truth.building })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await wallCall(wall, 'people.reveal', { personId: truth.resident, field: 'phone', reason: '核实' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await wallCall(wall, 'briefing.saveSettings', { panels: ['map'], rotate: false, intervalSeconds: 10, staleAfterSeconds: 60 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await wallCall(wall, 'briefing.get', {})).toMatchObject({ ok: true });
  const shown = (await wall.content()) + JSON.stringify(await wallCall(wall, 'map.layers', {}));
  for (const name of truth.names) expect(shown, name).not.toContain(name);

  // Revoked in the leader's window: the wall loses its figures and asks for a code again.
  await page.getByTestId('briefing-wall-open').click();
  await expect(page.getByTestId('wall-row-三楼会议室')).toContainText('使用中');
  await page.getByTestId('wall-revoke-三楼会议室').click();
  await page.getByTestId('wall-revoke-confirm').click();
  await expect(page.getByTestId('wall-row-三楼会议室')).toContainText('已于');
  await expect(wall.getByTestId('wall-pairing')).toBeVisible({ timeout: 8_000 });
  expect(await wallCall(wall, 'briefing.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'wall.notPaired' } });
  await wall.screenshot({ path: join(ARTIFACTS, 'briefing-wall-revoked.png') });

  const log = await rpc(page.request, server, 'wall.list', {});
  expect(log).toMatchObject([{ name: '三楼会议室', pairedBy: expect.any(String), revokedAt: expect.any(Number) }]);
  await staffContext.close();
  await wallContext.close();
  expect(errors).toEqual([]);
  expect(wallErrors).toEqual([]);
});

test('today’s 大屏 as a one-page PDF and a 1920×1080 PNG, for the 日报', async ({ page }) => {
  await page.setViewportSize(FULL_HD);
  await openBriefing(page, 'lingdao');
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-export-pdf').click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^中山路街道大屏快照-\d{4}-\d{2}-\d{2}-\d{4}\.pdf$/);
  const pdfFile = join(ARTIFACTS, 'briefing-snapshot.pdf');
  await pdfDownload.saveAs(pdfFile);
  const pdf = await pdfText(pdfFile);
  expect(pdf.pages).toHaveLength(1);
  const figures = await page.getByTestId(/^briefing-figure-/).evaluateAll((tiles) =>
    tiles.map((t) => ({ label: t.querySelector('.gd-brief-figure-label')?.textContent ?? '', value: t.querySelector('.gd-brief-figure-value')?.textContent ?? '' })),
  );
  expect(figures.length).toBeGreaterThanOrEqual(8);
  for (const f of figures) expect(pdf.squashed, f.label).toContain(squash(`${f.label}`));
  for (const f of figures) expect(pdf.squashed, `${f.label} ${f.value}`).toMatch(new RegExp(`${squash(f.label)}(（需关注）)?${squash(f.value).replace('.', '\\.')}`));

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-export-png').click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/^中山路街道大屏快照-.*\.png$/);
  const pngFile = join(ARTIFACTS, 'briefing-snapshot.png');
  await pngDownload.saveAs(pngFile);
  const png = readFileSync(pngFile);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
});
