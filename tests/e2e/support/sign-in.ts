import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './paths';
import type { TestServer } from './server';

/**
 * Opens the printed URL (which sets the session cookie), signs in through the API within that
 * browser context, and reloads. Tests of the sign-in screens themselves use the form instead.
 */
export async function openSignedIn(page: Page, server: TestServer, username = 'admin'): Promise<void> {
  await page.goto(server.url);
  const reply = await page.request.post(`${server.origin}/api/rpc`, {
    headers: { 'x-griddesk': '1' },
    data: { method: 'auth.login', input: { username, password: E2E_PASSWORD } },
  });
  expect(await reply.json()).toMatchObject({ ok: true, result: { state: 'signed-in' } });
  await page.reload();
}
