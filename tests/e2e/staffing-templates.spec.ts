import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;
test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

/** Types a value into an antd InputNumber, replacing what is there. */
async function typeNumber(page: Page, testId: string, value: string): Promise<void> {
  const box = page.getByTestId(testId);
  await box.click();
  await box.press('Control+A');
  await box.pressSequentially(value);
}

test('a duty officer adds a shift to a post on its panel, sees the refusals under the fields, sees its row on the board, and deletes a shift with assignments to come after being told how many', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page, { console: false });
  const now = Date.now();
  const post = readDb(server, (db) => {
    const p = db.prepare(`SELECT p.id, p.name FROM duty_posts p JOIN communities c ON c.id = p.community_id WHERE p.deleted = 0 ORDER BY c.code, p.name, p.id LIMIT 1`).get() as { id: string; name: string };
    const night = db.prepare(`SELECT id FROM shift_templates WHERE post_id = ? AND name = '夜班' AND deleted = 0`).pluck().get(p.id) as string;
    const future = db.prepare(`SELECT count(*) FROM shift_assignments WHERE template_id = ? AND deleted = 0 AND starts_at > ?`).pluck().get(night, now) as number;
    const past = db.prepare(`SELECT count(*) FROM shift_assignments WHERE template_id = ? AND deleted = 0 AND starts_at <= ?`).pluck().get(night, now - 3_600_000) as number;
    return { ...p, night, future, past };
  });
  expect(post.future, 'the demo has night shifts to come on the first post').toBeGreaterThan(0);

  await openSignedIn(page, server, 'zhiban');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.evaluate(() => (window.location.hash = '#/staffing'));
  const rows = page.locator(`[data-testid="staff-row"][data-post="${post.name}"]`);
  await expect(rows).toHaveCount(3);
  await rows.first().getByTestId('staff-post-shifts').click();
  const dialog = page.getByTestId('staff-templates');
  await expect(dialog.locator('tbody tr')).toHaveCount(3);

  // No name and no length: refused under the field, in Chinese, by the service.
  await dialog.getByTestId('staff-template-new').click();
  const form = page.getByTestId('staff-template-form');
  await typeNumber(page, 'staff-template-length-h', '0');
  await page.getByTestId('staff-template-submit').click();
  await expect(form.locator('.ant-form-item').filter({ hasText: '班次名称' }).locator('.ant-form-item-explain-error', { hasText: '请填写班次名称' })).toBeVisible();
  await page.getByTestId('staff-template-name').fill('加强班');
  await page.getByTestId('staff-template-submit').click();
  const lengthError = (text: string) => form.locator('.ant-form-item').filter({ hasText: '时长' }).locator('.ant-form-item-explain-error', { hasText: text });
  await expect(lengthError('班次时长必须大于 0 分钟')).toBeVisible();
  await typeNumber(page, 'staff-template-length-h', '25');
  await page.getByTestId('staff-template-submit').click();
  await expect(lengthError('班次时长不能超过 24 小时')).toBeVisible();
  await expect(form.locator('.ant-form-item').filter({ hasText: '班次名称' }).locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-template-refused.png') });
  expect(readDb(server, (db) => db.prepare(`SELECT count(*) FROM shift_templates WHERE name = '加强班'`).pluck().get())).toBe(0);

  // 20:00 for 10 h 30 min: crosses midnight, a night shift of the day it starts.
  await typeNumber(page, 'staff-template-start-h', '20');
  await typeNumber(page, 'staff-template-length-h', '10');
  await typeNumber(page, 'staff-template-length-m', '30');
  await page.getByTestId('staff-template-submit').click();
  await expect(form).toBeHidden();
  await expect(dialog.getByTestId('staff-template-row-加强班')).toContainText('20:00–次日06:30');
  await expect(dialog.getByTestId('staff-template-row-加强班')).toContainText('10 小时 30 分');
  const saved = readDb(server, (db) => db.prepare(`SELECT start_minute, minutes FROM shift_templates WHERE post_id = ? AND name = '加强班' AND deleted = 0`).get(post.id));
  expect(saved).toEqual({ start_minute: 1200, minutes: 630 });

  // Its row on the board, a cell per day, short (nobody on it yet).
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const added = page.locator(`[data-testid="staff-row"][data-post="${post.name}"][data-shift="加强班"]`);
  await expect(added).toBeVisible();
  await expect(added.locator('.gd-staff-night')).toContainText('20:00–06:30');
  await expect(added.locator('[data-testid="staff-cell"][data-state="short"]')).toHaveCount(7);
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-template-added.png') });

  // Deleting 夜班 asks first with the count of assignments to come; the past stays.
  await rows.first().getByTestId('staff-post-shifts').click();
  await dialog.getByTestId('staff-template-row-夜班').getByTestId('staff-template-delete').click();
  await page.getByTestId('staff-template-delete-ok').click();
  const ask = page.getByTestId('staff-template-future');
  await expect(ask).toContainText(`班次「夜班」还有 ${post.future} 条未来排班`);
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-template-delete.png') });
  await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
  await expect(dialog.getByTestId('staff-template-row-夜班')).toHaveCount(0);
  await expect(page.locator(`[data-testid="staff-row"][data-post="${post.name}"][data-shift="夜班"]`)).toHaveCount(0);
  const left = readDb(server, (db) => ({
    future: db.prepare(`SELECT count(*) FROM shift_assignments WHERE template_id = ? AND deleted = 0 AND starts_at > ?`).pluck().get(post.night, now),
    past: db.prepare(`SELECT count(*) FROM shift_assignments WHERE template_id = ? AND deleted = 0 AND starts_at <= ?`).pluck().get(post.night, now - 3_600_000),
  }));
  expect(left).toEqual({ future: 0, past: post.past });
  expect(errors).toEqual([]);
});
