import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseOption } from './support/antd';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { setUpTestStreet } from './support/territory';
import { STREET } from '../shared/territory-files';

let server: TestServer;

test.beforeAll(async () => {
  server = await startServer({ fromTemplate: false, args: ['--no-seed'] });
});
test.afterAll(async () => server?.stop());

const rings = (table: 'communities' | 'grids') =>
  readDb(server, (db) => (db.prepare(`SELECT boundary FROM ${table} WHERE deleted = 0 ORDER BY code`).pluck().all() as string[]).map((b) => (JSON.parse(b) as number[][][])[0]!));

test('a community boundary is moved on the map: the grid on its edge follows, another window sees it, and it is undone', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  await setUpTestStreet(page, server);
  await page.goto(`${server.origin}/#/territory`);
  await page.reload();
  const editor = page.getByTestId('territory-grid-editor');
  await expect(editor).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(`${server.origin}/#/territory`);
  await expect(other.getByTestId('territory-grid-editor')).toBeVisible();
  const before = { communities: rings('communities'), grids: rings('grids') };

  // Drag the community's north-east corner 0.0008° east and 0.0005° north (about 70 m and 55 m: within the street's reach).
  await chooseOption(page, editor.getByTestId('territory-edit-community'), '幸福里社区');
  await editor.getByTestId('territory-community-edit').click();
  await editor.getByTestId('territory-edit-map').scrollIntoViewIfNeeded();
  const at = (lat: number, lng: number) => page.evaluate(([la, ln]) => window.__gridDeskGridEditor!.pointOf(la!, ln!), [lat, lng]);
  // Close in on the corner, so the move is far beyond geoman's 15-pixel snapping back to the grid's corner.
  await page.evaluate(([la, ln]) => window.__gridDeskGridEditor!.setView(la!, ln!, 17), [STREET.north - 0.0003, STREET.east - 0.0003]);
  const from = await at(STREET.north, STREET.east);
  const to = await at(STREET.north + 0.0005, STREET.east + 0.0008);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-community-edit.png') });
  await editor.getByTestId('territory-community-save').click();
  await expect(page.locator('.ant-message')).toContainText('社区边界已保存：0 个相邻社区、1 个网格随之调整，0 个网格改属社区');

  // The corner moved (snapped to the pixel, a few metres at this zoom) and the east grid's corner went with it.
  const [community] = rings('communities');
  const corner = community!.find(([x, y]) => x! > STREET.east + 0.0005 && y! > STREET.north + 0.0003)!;
  expect(corner).toBeDefined();
  expect(Math.abs(corner[0]! - (STREET.east + 0.0008))).toBeLessThan(0.0001);
  const [west, east] = rings('grids');
  expect(east!.some(([x, y]) => x === corner[0] && y === corner[1])).toBe(true);
  expect(west).toEqual(before.grids[0]);
  expect(readDb(server, (db) => db.prepare("SELECT count(*) FROM audit_log WHERE action = 'territory.reshape_community'").pluck().get())).toBe(1);
  // Another window of the account is told at once: its undo list has the edit.
  await expect(other.getByTestId('territory-history')).toContainText('调整社区「幸福里社区」的边界');
  await editor.getByTestId('territory-edit-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-community-moved.png') });

  await editor.getByTestId('territory-undo-bar').scrollIntoViewIfNeeded();
  await expect(editor.getByTestId('territory-undo')).toHaveText(/撤销：调整社区「幸福里社区」的边界/);
  await editor.getByTestId('territory-undo').click();
  await expect(editor.getByTestId('territory-undo-bar')).toHaveCount(0);
  expect(rings('communities')).toEqual(before.communities);
  expect(rings('grids')).toEqual(before.grids);
  await other.close();
  expect(errors).toEqual([]);
});
