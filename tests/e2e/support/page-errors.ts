import type { Page } from '@playwright/test';

/** Collects the page's uncaught errors (and, unless `console: false`, its console errors). */
export function watchErrors(page: Page, options: { console?: boolean } = {}): string[] {
  const errors: string[] = [];
  if (options.console !== false) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
