import { expect, type Page } from '@playwright/test';
import type { TestServer } from './server';
import { openSignedIn } from './sign-in';

/** Signs in and waits until the map has drawn its buildings and its test hook is there. */
export async function openMap(page: Page, server: TestServer, username = 'admin'): Promise<void> {
  await openSignedIn(page, server, username);
  // Those on duty land on the 总览: go to the map.
  await page.evaluate(() => (window.location.hash = '#/map'));
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  const hooked = await page.evaluate(() => window.__gridDeskMap !== undefined);
  expect(hooked, '地图测试钩子 window.__gridDeskMap 不存在：端到端测试须用测试构建（npm run test:e2e，或 vite build --mode e2e），普通 npm run build 不含它').toBe(true);
}
