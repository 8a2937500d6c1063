import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { rpcReply } from './support/rpc';
import { startServerForTest, type TestServer } from './support/server';

let server: TestServer;

// Only the idle test locks sessions after 0.05 minutes (3 s): the others, slowed by a busy machine, must not lock.
test.beforeEach(async () => {
  const idle = test.info().title.startsWith('an idle session');
  server = await startServerForTest(idle ? { args: ['--idle-minutes', '0.05'] } : {});
});
test.afterEach(async () => server?.stop());

async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('signs in with the form, refusing a wrong password with a clear message', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('demo-accounts')).toContainText('zhiban');
  await expect(page.getByTestId('demo-accounts')).not.toContainText(E2E_PASSWORD);
  await signInWithForm(page, 'zhiban', 'not-the-password-1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不对');
  await page.screenshot({ path: join(ARTIFACTS, 'login-error.png') });
  await signInWithForm(page, 'zhiban', E2E_PASSWORD);
  await expect(page.getByTestId('page-overview')).toBeVisible();
});

test('a leader sees no account or audit pages; an administrator does, and verifies the audit chain', async ({ browser }) => {
  const leader = await (await browser.newContext()).newPage();
  await leader.goto(server.url);
  await signInWithForm(leader, 'lingdao', E2E_PASSWORD);
  await expect(leader.getByTestId('nav-map')).toBeVisible();
  await expect(leader.getByTestId('nav-accounts')).toHaveCount(0);
  await expect(leader.getByTestId('nav-audit')).toHaveCount(0);
  // The services refuse what the UI hides.
  expect(await rpcReply(leader.request, server, 'audit.query', { limit: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(server.url);
  await signInWithForm(admin, 'admin', E2E_PASSWORD);
  await admin.getByTestId('nav-audit').click();
  await expect(admin.getByTestId('audit-page')).toBeVisible();
  await expect(admin.getByTestId('audit-page')).toContainText('lingdao');
  await admin.getByRole('button', { name: /校验/ }).click();
  await expect(admin.getByTestId('audit-verify-result')).toContainText('完整');
  await admin.screenshot({ path: join(ARTIFACTS, 'audit.png') });
  await admin.getByTestId('nav-accounts').click();
  await expect(admin.getByTestId('accounts-page')).toContainText('wangge');
  await admin.screenshot({ path: join(ARTIFACTS, 'accounts.png') });
});

test('an idle session locks, and the password unlocks it', async ({ page }) => {
  await page.goto(server.url);
  await signInWithForm(page, 'zhiban', E2E_PASSWORD);
  await expect(page.getByTestId('page-overview')).toBeVisible();
  await page.waitForTimeout(4_000);
  await page.reload();
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'lock-screen.png') });
  await lock.locator('input[type="password"]').fill(E2E_PASSWORD);
  await lock.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByTestId('page-overview')).toBeVisible();
});
