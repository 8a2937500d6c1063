import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './paths';
import { rpc } from './rpc';
import type { TestServer } from './server';

/**
 * Opens the printed URL (which sets the session cookie), signs in through the API within that
 * browser context, and reloads. Tests of the sign-in screens themselves use the form instead.
 */
export async function openSignedIn(page: Page, server: TestServer, username = 'admin'): Promise<void> {
  await page.goto(server.url);
  // Let the signed-out page finish its first requests: signing in renews the cookie they carry.
  await expect(page.getByTestId('login-username')).toBeVisible();
  expect(await rpc(page.request, server, 'auth.login', { username, password: E2E_PASSWORD })).toMatchObject({ state: 'signed-in' });
  await page.reload();
}
