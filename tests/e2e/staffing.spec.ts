import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Drags with the mouse in small steps, as dnd-kit's pointer sensor needs. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

test('a duty officer fills a night gap against the rest rule with a reason, accepts part of auto-fill, signs someone in and exports the week', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  const day = today();
  // Someone on today's 中班 (15–23) somewhere, and today's 夜班 (23–07) of another post still short.
  const plan = readDb(server, (db) => {
    const late = db
      .prepare(
        `SELECT a.person_id AS personId, a.post_id AS postId FROM shift_assignments a JOIN shift_templates t ON t.id = a.template_id
         WHERE a.date = ? AND t.name = '中班' AND a.deleted = 0 ORDER BY a.id LIMIT 1`,
      )
      .get(day) as { personId: string; postId: string };
    const night = db
      .prepare(
        `SELECT p.id AS postId, t.id AS templateId FROM duty_posts p JOIN shift_templates t ON t.post_id = p.id AND t.name = '夜班'
         WHERE p.deleted = 0 AND p.id != ? AND (SELECT count(*) FROM shift_assignments a WHERE a.template_id = t.id AND a.date = ? AND a.deleted = 0 AND a.no_show = 0) < p.staff_needed
         ORDER BY p.id LIMIT 1`,
      )
      .get(late.postId, day) as { postId: string; templateId: string };
    return { ...late, night };
  });
  expect(plan.night, 'the demo leaves a night shift short today').toBeTruthy();

  await openSignedIn(page, server, 'zhiban');
  await page.evaluate(() => (window.location.hash = '#/staffing'));
  await expect(page.getByTestId('staff-board')).toBeVisible();
  await expect(page.locator('[data-testid="staff-cell"][data-state="short"]').first()).toBeVisible();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-board.png') });

  // Drag the person from the people panel into the gap: the rest rule is broken, and said so.
  const cell = page.locator(`[data-testid="staff-cell"][data-cell="${plan.night.postId}|${plan.night.templateId}|${day}"]`);
  const before = Number((await cell.getByTestId('staff-cell-count').textContent())!.split('/')[0]);
  const person = page.locator(`[data-testid="staff-person"][data-person="${plan.personId}"]`);
  const name = (await readDb(server, (db) => db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(plan.personId))) as string;
  await page.getByTestId('staff-people-search').locator('input').fill(name);
  await expect(person).toBeVisible();
  await drag(page, person, cell);
  const warnings = page.getByTestId('staff-rule-warnings');
  await expect(warnings.locator('[data-rule="rest"]')).toContainText('两班之间只休息 0 小时（至少 8 小时）');
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-override.png') });
  // No reason, no assignment.
  await page.getByTestId('staff-override-ok').click();
  await expect(page.getByText('请填写理由')).toBeVisible();
  await page.getByTestId('staff-override-reason').fill('夜班缺人，本人同意连班');
  await page.getByTestId('staff-override-ok').click();
  await expect(warnings).toBeHidden();
  await expect(cell.getByTestId('staff-cell-count')).toContainText(`${before + 1}/`);
  const made = readDb(server, (db) =>
    db
      .prepare(`SELECT id, override_reason AS reason, overridden FROM shift_assignments WHERE person_id = ? AND template_id = ? AND date = ? AND deleted = 0`)
      .get(plan.personId, plan.night.templateId, day),
  ) as { id: string; reason: string; overridden: string };
  expect(made.reason).toBe('夜班缺人，本人同意连班');
  expect(JSON.parse(made.overridden)).toContain('rest');
  const audited = readDb(server, (db) => db.prepare(`SELECT detail FROM audit_log WHERE action = 'staffing.assign.override' AND target = ?`).pluck().get(made.id)) as string;
  expect(JSON.parse(audited)).toMatchObject({ reason: '夜班缺人，本人同意连班', rules: expect.arrayContaining(['rest']) });

  // Sign the person in on the shift they were just put on.
  await cell.locator(`[data-assignment="${made.id}"]`).click();
  await page.getByRole('menuitem', { name: '到岗', exact: true }).click();
  await expect(cell.locator(`[data-assignment="${made.id}"]`)).toHaveAttribute('data-state', 'in');
  const signedIn = readDb(server, (db) => db.prepare('SELECT signed_in_at FROM shift_assignments WHERE id = ?').pluck().get(made.id)) as number;
  expect(Math.abs(signedIn - Date.now())).toBeLessThan(10 * 60_000);

  // By keyboard alone: Enter on a cell chooses it, Enter on a person puts them there (today's 早班
  // of the same post ends where their 中班 starts: the rest rule again); cancelling writes nothing.
  const early = readDb(server, (db) => db.prepare(`SELECT id FROM shift_templates WHERE post_id = ? AND name = '早班'`).pluck().get(plan.night.postId)) as string;
  const earlyCell = page.locator(`[data-testid="staff-cell"][data-cell="${plan.night.postId}|${early}|${day}"]`);
  await earlyCell.focus();
  await page.keyboard.press('Enter');
  await expect(earlyCell).toHaveAttribute('aria-selected', 'true');
  await person.focus();
  await page.keyboard.press('Enter');
  await expect(warnings.locator('[data-rule="rest"]')).toBeVisible();
  // Escape cancels once the dialog has taken the focus (it opens with an animation).
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(warnings).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Auto-fill the week, keep only three of its proposals.
  const count = () => readDb(server, (db) => db.prepare('SELECT count(*) FROM shift_assignments WHERE deleted = 0').pluck().get() as number);
  const rowsBefore = count();
  await page.getByTestId('staff-autofill').click();
  const table = page.getByTestId('staff-autofill-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('staff-autofill-summary')).toContainText('建议安排');
  await page.getByTestId('staff-autofill-none').click();
  const boxes = table.locator('tbody .ant-checkbox-input');
  for (let i = 0; i < 3; i++) await boxes.nth(i).click();
  await expect(page.getByTestId('staff-autofill-accept')).toContainText('3');
  await page.getByTestId('staff-autofill-accept').click();
  await expect(page.getByText(/已采纳 3 条/)).toBeVisible();
  expect(count()).toBe(rowsBefore + 3);

  // Export the week and read the workbook back.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('staff-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^排班表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = join(E2E_TMP, 'staffing-week.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const communities = readDb(server, (db) => db.prepare('SELECT DISTINCT c.name FROM duty_posts p JOIN communities c ON c.id = p.community_id WHERE p.deleted = 0').pluck().all() as string[]);
  expect(wb.worksheets.map((s) => s.name).sort()).toEqual([...communities, '说明'].sort());
  const sheet = wb.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['点位', '类型', '班次', '时间', '每班人数']);
  const cells = wb.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
  expect(cells.some((v) => v.includes(name))).toBe(true);

  // A new post through the form: three shifts, all short; removed again (it has no assignments).
  // The finished jobs' notices sit over the page's top right: close them first.
  const notices = page.locator('.ant-notification-notice-close');
  while ((await notices.count()) > 0) await notices.first().click({ timeout: 2_000 }).catch(() => undefined);
  await expect(notices).toHaveCount(0);
  await page.getByTestId('staff-post-new').click();
  await page.getByTestId('staff-post-submit').click();
  await expect(page.getByText('请填写点位名称')).toBeVisible();
  await page.getByTestId('staff-post-name').fill('临时卡口');
  await page.getByTestId('staff-post-form').getByRole('combobox').first().fill('卡口');
  await page.getByTestId('staff-post-submit').click();
  await expect(page.getByText('请为点位选择所属社区')).toBeVisible();
  await page.getByTestId('staff-post-community').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.getByTestId('staff-post-submit').click();
  const rowsOfPost = page.locator('[data-testid="staff-row"][data-post="临时卡口"]');
  await expect(rowsOfPost).toHaveCount(3);
  await expect(rowsOfPost.locator('[data-testid="staff-cell"][data-state="short"]')).toHaveCount(21);
  await rowsOfPost.first().getByTestId('staff-post-delete').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(rowsOfPost).toHaveCount(0);

  // The gaps list: nights first.
  await page.getByRole('tab', { name: '缺口' }).click();
  await expect(page.getByTestId('staff-gaps')).toBeVisible();
  await page.getByTestId('staff-gaps-range').getByText('未来 7 天').click();
  await expect(page.getByTestId('staff-gap').first()).toContainText('夜班');
  await page.screenshot({ path: join(ARTIFACTS, 'staffing-gaps.png') });
  expect(errors).toEqual([]);
});
