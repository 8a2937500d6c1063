import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { pdfText, squash } from '../shared/pdf-text';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_TMP } from './support/paths';
import { startServerForTest, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;
test.beforeEach(async () => {
  server = await startServerForTest();
});
test.afterEach(async () => server?.stop());

const day = (offset = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function choose(page: Page, testId: string, typed: string | null, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

test('a duty officer puts one person on a night shift for three days in bulk, overriding the rest rule with a reason, and prints the day as PDF', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  const dates = [day(0), day(1), day(2)];
  // Someone on today's 中班 (15–23), and another post's 夜班 (23–07) they are not on these days.
  const plan = readDb(server, (db) => {
    const late = db
      .prepare(
        `SELECT a.person_id AS personId, a.post_id AS postId, pe.name AS name FROM shift_assignments a JOIN shift_templates t ON t.id = a.template_id JOIN people pe ON pe.id = a.person_id
         WHERE a.date = ? AND t.name = '中班' AND a.deleted = 0 ORDER BY a.id LIMIT 1`,
      )
      .get(dates[0]) as { personId: string; postId: string; name: string };
    const night = db
      .prepare(
        `SELECT p.id AS postId, p.name AS postName, t.id AS templateId FROM duty_posts p JOIN shift_templates t ON t.post_id = p.id AND t.name = '夜班'
         WHERE p.deleted = 0 AND p.id != ? AND NOT EXISTS (SELECT 1 FROM shift_assignments a WHERE a.template_id = t.id AND a.person_id = ? AND a.date IN (?, ?, ?) AND a.deleted = 0)
         ORDER BY p.id LIMIT 1`,
      )
      .get(late.postId, late.personId, ...dates) as { postId: string; postName: string; templateId: string };
    return { ...late, night };
  });
  const onNight = () =>
    readDb(server, (db) =>
      db
        .prepare(`SELECT date, override_reason AS reason FROM shift_assignments WHERE person_id = ? AND template_id = ? AND date IN (?, ?, ?) AND deleted = 0 ORDER BY date`)
        .all(plan.personId, plan.night.templateId, ...dates),
    ) as { date: string; reason: string | null }[];

  await openSignedIn(page, server, 'zhiban');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.evaluate(() => (window.location.hash = '#/staffing'));
  await expect(page.getByTestId('staff-board')).toBeVisible();

  await page.getByTestId('staff-bulk').click();
  await choose(page, 'staff-bulk-person', plan.name, plan.name);
  await choose(page, 'staff-bulk-post', plan.night.postName, plan.night.postName);
  await choose(page, 'staff-bulk-shift', null, '夜班');
  await page.getByTestId('staff-bulk-from').fill(dates[0]!);
  await page.getByTestId('staff-bulk-to').fill(dates[2]!);
  await page.getByTestId('staff-bulk-ok').click();
  // Refused: the warnings are listed per date, and nothing is written.
  const warnings = page.getByTestId('staff-bulk-warnings');
  await expect(warnings.locator('li').first()).toContainText(`${dates[0]} `);
  await expect(warnings).toContainText('两班之间只休息 0 小时（至少 8 小时）');
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-bulk-warnings.png') });
  expect(onNight()).toEqual([]);
  // No reason, no assignment; with one, all three nights are made and the reason kept.
  await page.getByTestId('staff-bulk-ok').click();
  await expect(page.getByText('请填写理由', { exact: true })).toBeVisible();
  expect(onNight()).toEqual([]);
  await page.getByTestId('staff-bulk-reason').fill('连续三晚夜班由本人申请');
  await page.getByTestId('staff-bulk-ok').click();
  await expect(page.getByText(/已排入 3 个班次/)).toBeVisible();
  const made = onNight();
  expect(made.map((r) => r.date)).toEqual(dates);
  expect(made[0]!.reason).toBe('连续三晚夜班由本人申请');

  // The day as PDF: the post and the person are in it.
  await page.getByTestId('staff-view').getByText('日', { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('staff-export-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`排班表-${dates[0]}.pdf`);
  const file = join(E2E_TMP, 'staffing-day.pdf');
  await download.saveAs(file);
  const pdf = await pdfText(file);
  expect(pdf.text).toContain('值守排班表（日）');
  expect(pdf.squashed).toContain(squash(plan.night.postName));
  expect(pdf.squashed).toContain(squash(plan.name));
  expect(pdf.squashed).toMatch(/缺\d/);
  expect(errors).toEqual([]);
});
