import { expect, test, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';

let server: TestServer;

test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

const sessionCookie = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name === 'griddesk_session')?.value;

test('the start address works once; a second tab needs none, another browser takes the next; signing in changes the cookie', async ({ browser }) => {
  const first = server.url;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(first);
  await expect(page.getByTestId('login-form')).toBeVisible();
  // A second tab of the same browser opens even the used address: it has the session already.
  const tab = await context.newPage();
  await tab.goto(first);
  await expect(tab.getByTestId('login-form')).toBeVisible();
  // Another browser cannot use it again, but can use the next one the server printed.
  const other = await (await browser.newContext()).newPage();
  await other.goto(first);
  await expect(other.locator('body')).toContainText('已经用过');
  await expect.poll(() => server.url).not.toBe(first);
  await other.goto(server.url);
  await expect(other.getByTestId('login-form')).toBeVisible();
  // Signing in with the form gives the browser a new session cookie, and the app works with it.
  const before = await sessionCookie(page);
  await page.getByTestId('login-username').fill('zhiban');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('page-overview')).toBeVisible();
  expect(await sessionCookie(page)).not.toBe(before);
  await other.context().close();
  await context.close();
});
