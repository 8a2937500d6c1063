import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { pdfText, squash } from '../shared/pdf-text';
import { chooseOption } from './support/antd';
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

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test('a duty officer forms teams for a compound with the assistant, moves one member, records hours, sees the totals and downloads the certificate', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  const place = readDb(server, (db) =>
    db
      .prepare(
        `SELECT c.id AS communityId, c.name AS community, cp.id AS compoundId, cp.name AS compound FROM communities c
         JOIN grids g ON g.community_id = c.id JOIN compounds cp ON cp.grid_id = g.id ORDER BY c.code, cp.name LIMIT 1`,
      )
      .get() as { communityId: string; community: string; compoundId: string; compound: string },
  );

  await openSignedIn(page, server, 'zhiban');
  await page.setViewportSize({ width: 1500, height: 1000 });
  // The old address of the teams page lands on the 队伍 tab of 志愿者.
  await page.evaluate(() => (window.location.hash = '#/volunteer-teams'));
  await expect(page).toHaveURL(/#\/volunteers\?tab=teams$/);
  await expect(page.getByTestId('volunteers-page').locator('.ant-tabs-tab-active')).toHaveText('队伍');
  await expect(page.getByTestId('nav-volunteer-teams')).toHaveCount(0);
  const assistant = page.getByTestId('grouping-assistant');
  await expect(assistant).toBeVisible();
  await expect(page.getByTestId('teams-table')).toContainText('突击队');

  // The compound, six of the sign-ups, two teams.
  await chooseOption(page, page.getByTestId('assistant-compound'), place.compound);
  const rows = page.getByTestId('assistant-people').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 6; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
  await expect(assistant).toContainText('已选 6 人');
  await page.getByTestId('assistant-prefix').fill('东院排查');
  await page.getByTestId('assistant-propose').click();
  const proposal = page.getByTestId('assistant-proposal');
  await expect(proposal.getByTestId('proposal-member')).toHaveCount(6);
  await expect(page.getByTestId('proposal-team-0').getByTestId('proposal-member')).toHaveCount(3);
  await expect(page.getByTestId('proposal-team-1').getByTestId('proposal-member')).toHaveCount(3);
  await page.screenshot({ path: join(ARTIFACTS, 'volunteer-teams-proposal.png') });

  // Move the first member of team 1 to team 2, then confirm.
  const moved = (await page.getByTestId('proposal-team-0').getByTestId('proposal-member').first().getAttribute('data-person'))!;
  await chooseOption(page, page.getByTestId(`move-${moved}`), '东院排查2队');
  await expect(page.getByTestId('proposal-team-1').getByTestId('proposal-member')).toHaveCount(4);
  await expect(page.getByTestId('proposal-team-1').locator(`[data-person="${moved}"]`)).toBeVisible();
  await page.getByTestId('assistant-confirm').click();
  await expect(page.getByText('已编成 2 支队伍')).toBeVisible();
  const made = readDb(server, (db) =>
    db
      .prepare(
        `SELECT t.name, t.level, t.compound_id AS compoundId, group_concat(m.person_id) AS people, count(m.id) AS members FROM volunteer_teams t
         JOIN team_members m ON m.team_id = t.id AND m.left_on IS NULL AND m.deleted = 0 WHERE t.name LIKE '东院排查%' GROUP BY t.id ORDER BY t.name`,
      )
      .all() as { name: string; level: string; compoundId: string; people: string; members: number }[],
  );
  expect(made.map((t) => [t.name, t.level, t.compoundId, t.members])).toEqual([
    ['东院排查1队', 'compound', place.compoundId, 2],
    ['东院排查2队', 'compound', place.compoundId, 4],
  ]);
  expect(made[1]!.people.split(',')).toContain(moved);
  await expect(page.getByTestId('teams-table')).toContainText('东院排查2队');
  await page.screenshot({ path: join(ARTIFACTS, 'volunteer-teams.png') });

  // A manual entry of 3.5 hours for the moved volunteer; the street's total grows by as much.
  const name = readDb(server, (db) => db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(moved)) as string;
  await page.getByTestId('volunteers-tab-hours').click();
  await expect(page).toHaveURL(/#\/volunteers\?tab=hours$/);
  const total = page.getByTestId('street-hours').locator('.ant-statistic-content-value');
  await expect(total).toBeVisible();
  const before = Number((await total.textContent())!.replace(/,/g, ''));
  await page.getByTestId('add-hours').click();
  await page.getByTestId('add-hours-person').locator('input').fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
  await page.getByTestId('add-hours-activity').fill('疫苗接种点引导');
  await page.getByTestId('add-hours-date').fill(today());
  await page.locator('[data-testid="add-hours-hours"] input, input[data-testid="add-hours-hours"]').fill('30');
  await page.getByTestId('add-hours-confirmed').fill('王书记');
  await page.getByTestId('add-hours-submit').click();
  await expect(page.getByTestId('add-hours-form')).toContainText('一天的时长不能超过 24 小时');
  await page.locator('[data-testid="add-hours-hours"] input, input[data-testid="add-hours-hours"]').fill('3.5');
  await page.getByTestId('add-hours-submit').click();
  await expect(page.getByText('已登记 3.5 小时')).toBeVisible();
  await expect(total).toHaveText(String(Math.round((before + 3.5) * 10) / 10).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  await page.getByTestId('hours-search').locator('input').fill(name);
  const row = page.getByTestId('hours-people').locator('tbody tr.ant-table-row').first();
  await expect(row).toContainText(name);
  await page.screenshot({ path: join(ARTIFACTS, 'service-hours.png') });
  const personHours = Number((await row.locator('td').nth(3).textContent())!);
  expect(personHours).toBeGreaterThanOrEqual(3.5);

  // The person's hours and the certificate of this month.
  await row.click();
  await expect(page.getByTestId('person-sum')).toContainText(`共 ${personHours} 小时`);
  await expect(page.locator('.ant-drawer')).toContainText('疫苗接种点引导');
  await page.screenshot({ path: join(ARTIFACTS, 'service-hours-person.png') });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('certificate').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^志愿服务证明-${name}-\\d{4}-\\d{2}-01至\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const file = join(E2E_TMP, 'certificate.pdf');
  await download.saveAs(file);
  const pdf = await pdfText(file);
  expect(pdf.pages).toHaveLength(1);
  expect(pdf.squashed).toContain(squash(`兹证明 ${name}`));
  expect(pdf.squashed).toContain(squash(`累计服务时长 ${personHours} 小时`));
  expect(pdf.squashed).toContain('疫苗接种点引导');
  expect(pdf.squashed).toContain('志愿服务证明');

  await page.keyboard.press('Escape');
  await page.getByTestId('volunteers-tab-recognition').click();
  await expect(page.getByTestId('recognition-page')).toBeVisible();
  const d = new Date();
  const last = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  await chooseOption(page, page.getByTestId('recognition-month'), `${last.getFullYear()}-${pad(last.getMonth() + 1)}`);
  await expect(page.getByTestId('nomination')).toHaveCount(6);
  await expect(page.getByTestId('recognition-page')).toContainText('当选');
  await page.screenshot({ path: join(ARTIFACTS, 'recognition.png') });
  expect(errors).toEqual([]);
});
