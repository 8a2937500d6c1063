import { expect, test, type Page } from '@playwright/test';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readDb } from './support/db';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { rpc } from './support/rpc';
import { startServer, startServerForTest, type TestServer } from './support/server';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('an administrator backs up, changes data, restores the backup, and the change is rolled back', async ({ page }) => {
  await page.goto(server.url);
  await signInWithForm(page, 'admin', E2E_PASSWORD);
  await page.getByTestId('nav-backups').click();
  const backups = page.getByTestId('backups-page');
  await expect(backups).toBeVisible();

  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/rpc') && r.request().postDataJSON()?.method === 'backups.create',
  );
  await page.getByTestId('backup-create').click();
  // Backing up is a job: the call answers at once with it, and the job hands back the new backup.
  const reply = (await (await created).json()) as { ok: boolean; result: { id: string; kind: string } };
  expect(reply).toMatchObject({ ok: true, result: { kind: 'backups.create' } });
  let job: { state: string; result: { name: string; reason: string } } | undefined;
  await expect
    .poll(async () => {
      const got = await page.request.post(`${server.origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method: 'jobs.get', input: { id: reply.result.id } } });
      job = ((await got.json()) as { result: typeof job }).result;
      return job?.state;
    })
    .toBe('done');
  expect(job!.result).toMatchObject({ reason: 'manual' });
  const name = job!.result.name;
  const row = page.getByTestId(`backup-row-${name}`);
  await expect(row).toContainText('手动');
  await expect(row).toContainText('已加密');
  await expect(row).toContainText('MB');

  // The data changes after the backup.
  expect(await rpc(page.request, server, 'accounts.create', { username: 'afterbackup', displayName: '备份后新建', role: 'leader', password: 'after-pass-2026' })).toMatchObject({
    username: 'afterbackup',
  });

  await page.getByTestId(`backup-restore-${name}`).click();
  const dialog = page.getByTestId('backup-restore-dialog');
  await expect(dialog).toContainText('先把当前数据库备份');
  await expect(dialog).toContainText('不会被删除');
  await expect(dialog).toContainText('重新载入');
  await page.screenshot({ path: join(ARTIFACTS, 'backups-confirm.png') });
  await page.getByTestId('backup-restore-confirm').click();
  const result = page.getByTestId('backup-restore-result');
  await expect(result).toContainText(name);
  await expect(result).toContainText('set-aside');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.ant-modal-mask')).toHaveCount(0);
  // The current state was backed up before the restore.
  await expect(backups.getByRole('row').filter({ hasText: '恢复前' }).first()).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'backups.png') });

  await page.getByTestId('nav-accounts').click();
  const accounts = page.getByTestId('accounts-page');
  await expect(accounts).toContainText('wangge');
  await expect(accounts).not.toContainText('afterbackup');
});

test('a database damaged after a clean exit shows administrators a banner that leads to restoring the newest good backup', async ({ page }) => {
  await page.goto(server.url);
  await signInWithForm(page, 'admin', E2E_PASSWORD);
  await expect(page.getByTestId('app')).toBeVisible();
  const started = (await rpc(page.request, server, 'backups.create', {})) as { id: string };
  let backup = '';
  await expect
    .poll(async () => {
      const job = (await rpc(page.request, server, 'jobs.get', { id: started.id })) as { state: string; result: { name: string } | null };
      backup = job.result?.name ?? '';
      return job.state;
    })
    .toBe('done');
  // A page nothing reads at sign-in: the residents' name index.
  const indexPage = readDb(server, (db) => db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'people_name_idx'`).pluck().get() as number);
  await server.stop();
  const fd = openSync(join(server.dataDir, 'griddesk.db'), 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (indexPage - 1) * 4096 + 1000);
  closeSync(fd);

  server = await startServer({ dataDir: server.dataDir });
  await page.goto(server.url);
  await signInWithForm(page, 'admin', E2E_PASSWORD);
  const banner = page.getByTestId('damage-banner');
  await expect(banner).toContainText('数据库文件已损坏');
  await expect(banner).toContainText(backup);
  await page.screenshot({ path: join(ARTIFACTS, 'backups-damaged.png') });

  await page.getByTestId('damage-banner-restore').click();
  await expect(page.getByTestId('backups-page')).toBeVisible();
  await page.getByTestId(`backup-restore-${backup}`).click();
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.getByTestId('backup-restore-result')).toContainText(backup);
  // The restored file passes its check after reopening: the banner goes.
  await expect(banner).toHaveCount(0);
});
