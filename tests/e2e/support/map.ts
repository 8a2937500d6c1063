import { expect, type Page } from '@playwright/test';
import type { TestServer } from './server';
import { openSignedIn } from './sign-in';

/** Signs in and waits until the map has drawn its buildings. */
export async function openMap(page: Page, server: TestServer, username = 'admin'): Promise<void> {
  await openSignedIn(page, server, username);
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
}
