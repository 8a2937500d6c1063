import type { Locator, Page } from '@playwright/test';

/** Opens an antd Select and picks the first option that contains `text`. */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}
