import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import { chooseOption } from './support/antd';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_PASSWORD } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { idNumberCheckChar } from '../../db/validation/id-number';
import { BUILDINGS, STREET, buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../shared/territory-files';

let server: TestServer;

test.beforeAll(async () => {
  // A fresh installation: no demo data, the first screen asks how to start.
  server = await startServer({ fromTemplate: false, args: ['--no-seed'] });
});

test.afterAll(async () => server?.stop());

async function importFile(page: Page, layer: string, file: { name: string; mimeType: string; buffer: Buffer }, crs?: string) {
  const card = page.getByTestId('territory-import');
  await chooseOption(page, card.getByTestId('territory-layer'), layer);
  if (crs) await chooseOption(page, card.getByTestId('territory-crs'), crs);
  const chooser = page.waitForEvent('filechooser');
  await card.getByTestId('territory-pick').click();
  await (await chooser).setFiles(file);
  await expect(card.getByTestId('territory-preview')).toBeVisible();
}

async function confirmImport(page: Page, expected: RegExp) {
  await page.getByTestId('territory-apply').click();
  await page.getByTestId('territory-apply-confirm').click();
  await expect(page.locator('.ant-message')).toContainText(expected);
  await expect(page.getByTestId('territory-preview')).toHaveCount(0);
}

test('a new street office is set up from its own GIS files, checked on the map and exported for the city', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  await page.goto(server.url);

  // First start: the choice, then the office and its administrator.
  await expect(page.getByTestId('setup-choice')).toBeVisible();
  await expect(page.getByTestId('setup-choice-demo')).toContainText('试用演示数据');
  await page.getByTestId('setup-choice-office').click();
  await page.getByTestId('setup-office-name').fill('幸福街道');
  await page.getByTestId('setup-office-code').fill('3702020010');
  await page.getByTestId('setup-office-city').fill('青岛市');
  await page.getByTestId('setup-office-district').fill('市南区');
  await page.getByTestId('setup-username').fill('admin');
  await page.getByTestId('setup-display-name').fill('系统管理员');
  await page.getByTestId('setup-password').fill(E2E_PASSWORD);
  await page.getByTestId('setup-confirm').fill(E2E_PASSWORD);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-office')).toContainText('街道代码应为 12 位数字');
  await page.getByTestId('setup-office-code').fill('370202001000');
  await expect(page.getByTestId('setup-office')).not.toContainText('街道代码应为 12 位数字');
  await page.screenshot({ path: join(ARTIFACTS, 'territory-setup.png') });
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('recovery-ack').check();
  await page.getByTestId('recovery-continue').click();

  // The 辖区 page: the office, no territory yet.
  await expect(page.getByTestId('territory-page')).toBeVisible();
  await expect(page.getByTestId('territory-office')).toContainText('幸福街道');
  await expect(page.getByTestId('territory-counts')).toHaveText('0 个社区 · 0 个网格 · 0 栋楼');

  // Communities: WGS-84 GeoJSON.
  await importFile(page, '社区边界', { name: '社区.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(communityGeoJson()) });
  await expect(page.getByTestId('territory-preview-counts')).toHaveText('共 1 个要素：新增 1，更新 0，未通过 0');
  await confirmImport(page, /已导入社区边界：新增 1/);

  // Grids: a Shapefile in CGCS2000 zone 40 (EPSG:4549) with GBK attributes, detected from the .prj and the bytes.
  await importFile(page, '网格边界', { name: '网格.zip', mimeType: 'application/zip', buffer: Buffer.from(await gridsShapefileZip()) });
  await expect(page.getByTestId('territory-preview-crs')).toContainText('EPSG:4549');
  await expect(page.getByTestId('territory-preview-crs')).toContainText('从文件识别');
  await expect(page.getByTestId('territory-preview-encoding')).toHaveText('属性编码：GBK');
  await expect(page.getByTestId('territory-preview-counts')).toHaveText('共 2 个要素：新增 2，更新 0，未通过 0');
  await expect(page.getByTestId('territory-preview-checks')).toHaveText('网格外的楼栋 0 栋 · 网格重叠 0 处 · 网格间空隙 0 处');
  const drawn = await page.evaluate(() => window.__gridDeskTerritoryPreview ?? []);
  expect(drawn.map((d) => d.name)).toEqual(['幸福里第1网格', '幸福里第2网格']);
  // The projected corners land back on the known degrees (to a few centimetres).
  const [lat, lng] = drawn[0]!.latlngs[0]!;
  expect(Math.abs(lat - STREET.south)).toBeLessThan(1e-6);
  expect(Math.abs(lng - STREET.west)).toBeLessThan(1e-6);
  expect(readDb(server, (db) => db.prepare('SELECT count(*) FROM grids').pluck().get())).toBe(0);
  await confirmImport(page, /已导入网格边界：新增 2/);

  // Buildings: GCJ-02 GeoJSON from 高德; one lies outside every grid.
  await importFile(page, '楼栋轮廓', { name: '楼栋.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(buildingsGcjGeoJson()) }, 'GCJ-02');
  await expect(page.getByTestId('territory-preview-counts')).toHaveText('共 4 个要素：新增 3，更新 0，未通过 1');
  await expect(page.getByTestId('territory-preview-checks')).toContainText('网格外的楼栋 1 栋');
  await expect(page.getByTestId('territory-problems')).toContainText('不在任何网格内');
  await expect(page.getByTestId('territory-problems')).toContainText('9号楼');
  await page.getByTestId('territory-preview-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-import-preview.png'), fullPage: true });
  await confirmImport(page, /已导入楼栋轮廓：新增 3，更新 0，未通过 1/);
  await expect(page.getByTestId('territory-counts')).toHaveText('1 个社区 · 2 个网格 · 3 栋楼');

  const stored = readDb(server, (db) =>
    db
      .prepare('SELECT b.id, b.name, b.centroid_lat AS lat, b.centroid_lng AS lng, g.code AS grid FROM buildings b JOIN grids g ON g.id = b.grid_id ORDER BY b.name')
      .all() as { id: string; name: string; lat: number; lng: number; grid: string }[],
  );
  expect(stored.map((b) => [b.name, b.grid])).toEqual(BUILDINGS.filter((b) => b.grid).map((b) => [b.name, b.grid]));

  // The household register from Excel: good rows, an ID number Excel turned into a number, an address with no building.
  const id = (first17: string) => first17 + idNumberCheckChar(first17);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('人口信息').addRows([
    ['现住址', '姓名', '公民身份号码', '联系电话', '与户主关系', '人员类别'],
    ['幸福里小区1号楼2单元301', '王建国', id('37020219800101123'), '13800138000', '户主', '户籍'],
    ['幸福丽小区 1栋 2单元 301室', '李秀英', id('37020219820202124'), '', '配偶', '户籍'],
    ['海滨花园3#1单元101', '赵磊', '3.70202E+17', '', '户主', '流动'],
    ['不存在小区9号楼1单元101', '孙琳', id('37020219950505234'), '', '户主', '境外'],
  ]);
  await page.getByTestId('territory-residents-import').click();
  const wizard = page.getByTestId('import-wizard');
  const xlsxChooser = page.waitForEvent('filechooser');
  await wizard.getByTestId('import-pick').click();
  await (await xlsxChooser).setFiles({ name: '人口信息采集表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
  await expect(wizard.getByTestId('import-summary')).toHaveText('共 4 行：将新增 2 行、更新 0 行；0 行无变化；2 行冲突或未通过，不会导入。');
  await expect(wizard.getByTestId('import-row-4')).toContainText('存成了数字');
  await expect(wizard.getByTestId('import-row-5')).toContainText('没有找到楼栋「不存在小区9号楼」');
  expect(readDb(server, (db) => db.prepare('SELECT count(*) FROM residents').pluck().get())).toBe(0);
  await wizard.getByTestId('import-apply').click();
  await page.getByTestId('import-apply-confirm').click();
  await expect(wizard.getByTestId('import-done')).toContainText('新增 2 行');
  await wizard.getByTestId('import-close').click();
  expect(readDb(server, (db) => db.prepare(`SELECT h.room FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.name`).pluck().all())).toEqual(['2单元301', '2单元301']);

  // The map draws each building where it really is: the point under its drawn footprint is within a couple of metres.
  await page.evaluate(() => (window.location.hash = '#/map'));
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  for (const b of stored) {
    const known = BUILDINGS.find((k) => k.name === b.name)!;
    const point = await page.evaluate((id) => window.__gridDeskMap!.buildingScreenPoint(id), b.id);
    expect(point).not.toBeNull();
    const [atLat, atLng] = await page.evaluate(({ x, y }) => window.__gridDeskMap!.latLngAt(x, y), point!);
    expect(Math.abs(atLat - known.lat)).toBeLessThan(0.0003);
    expect(Math.abs(atLng - known.lng)).toBeLessThan(0.0003);
    expect(await page.evaluate(({ x, y }) => window.__gridDeskMap!.pixelAt(x, y), point!)).not.toBeNull();
  }
  await page.screenshot({ path: join(ARTIFACTS, 'territory-map.png') });

  // Correct on the map: split the west grid along a drawn line (leaflet-geoman), then undo it.
  await page.evaluate(() => (window.location.hash = '#/territory'));
  const editor = page.getByTestId('territory-grid-editor');
  await chooseOption(page, editor.getByTestId('territory-edit-grid'), '幸福里第1网格');
  await editor.getByTestId('territory-edit-map').scrollIntoViewIfNeeded();
  await editor.locator('.leaflet-pm-icon-polyline').click();
  const at = (lat: number, lng: number) => page.evaluate(([la, ln]) => window.__gridDeskGridEditor!.pointOf(la!, ln!), [lat, lng]);
  const start = await at(36.0675, STREET.west - 0.002);
  const end = await at(36.0675, STREET.middle + 0.002);
  await page.mouse.click(start.x, start.y);
  await page.mouse.click(end.x, end.y);
  await page.mouse.click(end.x, end.y);
  await editor.getByTestId('territory-split').click();
  await expect(page.locator('.ant-message')).toContainText('已拆分：新网格 370202001001-01-2，1 栋楼划入');
  const gridOf = (name: string) =>
    readDb(server, (db) => db.prepare('SELECT g.code FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.name = ?').pluck().get(name));
  expect(gridOf('2号楼')).toBe('370202001001-01-2');
  expect(gridOf('1号楼')).toBe('370202001001-01');
  await expect(editor.getByTestId('territory-undo')).toHaveText(/撤销：拆分网格「幸福里第1网格」/);
  await editor.getByTestId('territory-edit-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-edited-map.png') });

  // Merge the east grid into the west one, then undo twice: the merge, then the split.
  await chooseOption(page, editor.getByTestId('territory-merge-grid'), '幸福里第2网格');
  await editor.getByTestId('territory-merge').click();
  await expect(page.locator('.ant-message')).toContainText('已合并，1 栋楼划入');
  expect(gridOf('3号楼')).toBe('370202001001-01');
  expect(readDb(server, (db) => db.prepare('SELECT count(*) FROM grids WHERE deleted = 0').pluck().get())).toBe(2);
  await expect(editor.getByTestId('territory-history')).toContainText('合并网格「幸福里第1网格」和「幸福里第2网格」');
  await editor.getByTestId('territory-undo-bar').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-merged.png') });
  await editor.getByTestId('territory-undo').click();
  await expect(page.locator('.ant-message')).toContainText('已撤销：合并网格');
  expect(gridOf('3号楼')).toBe('370202001001-02');
  await expect(editor.getByTestId('territory-undo')).toHaveText(/撤销：拆分网格「幸福里第1网格」/);
  await editor.getByTestId('territory-undo').click();
  await expect(page.locator('.ant-message')).toContainText('已撤销：拆分网格「幸福里第1网格」');
  expect(gridOf('2号楼')).toBe('370202001001-01');
  expect(readDb(server, (db) => db.prepare('SELECT code FROM grids WHERE deleted = 0 ORDER BY code').pluck().all())).toEqual(['370202001001-01', '370202001001-02']);
  await expect(editor.getByTestId('territory-undo-bar')).toHaveCount(0);

  // Export for the city's GIS, read back.
  const geoDownload = page.waitForEvent('download');
  await page.getByTestId('territory-export-geojson').click();
  const geo = JSON.parse(readFileSync(await (await geoDownload).path(), 'utf8')) as { features: { properties: { layer: string; name: string } }[] };
  expect(geo.features.filter((f) => f.properties.layer === 'grids').map((f) => f.properties.name)).toEqual(['幸福里第1网格', '幸福里第2网格']);
  expect(geo.features.filter((f) => f.properties.layer === 'buildings')).toHaveLength(3);
  const shpDownload = page.waitForEvent('download');
  await page.getByTestId('territory-export-shapefile').click();
  const zip = unzipSync(readFileSync(await (await shpDownload).path()));
  expect(parseDbf(zip['communities.dbf']!, 'utf-8').map((r) => r.name)).toEqual(['幸福里社区']);
  const footprints = parseShp(zip['buildings.shp']!);
  expect(footprints).toHaveLength(3);
  expect(new TextDecoder().decode(zip['buildings.prj'])).toContain('WGS_1984');

  // A second window of the same account follows the edits below live.
  const other = await page.context().newPage();
  await other.goto(`${server.origin}/#/territory`);
  await expect(other.getByTestId('territory-grid-editor')).toBeVisible();

  // Draw a building in the east grid with the polygon tool.
  await editor.getByTestId('territory-edit-map').scrollIntoViewIfNeeded();
  await editor.locator('.leaflet-pm-icon-polygon').click();
  const corners = [
    [36.0700, 120.3860],
    [36.0700, 120.3875],
    [36.0712, 120.3875],
    [36.0712, 120.3860],
  ] as const;
  for (const [la, ln] of corners) {
    const p = await at(la, ln);
    await page.mouse.click(p.x, p.y);
  }
  const first = await at(corners[0][0], corners[0][1]);
  await page.mouse.click(first.x, first.y);
  const form = editor.getByTestId('territory-new-building');
  await form.getByTestId('territory-new-building-name').fill('8号楼');
  await form.getByTestId('territory-new-building-address').fill('海滨花园8号楼');
  await form.getByTestId('territory-new-building-save').click();
  await expect(page.locator('.ant-message')).toContainText('已新增楼栋，属于「幸福里第2网格」');
  expect(gridOf('8号楼')).toBe('370202001001-02');
  const centre = readDb(server, (db) => db.prepare(`SELECT centroid_lat AS lat, centroid_lng AS lng FROM buildings WHERE name = '8号楼'`).get()) as { lat: number; lng: number };
  expect(Math.abs(centre.lat - 36.0706)).toBeLessThan(0.0001);
  expect(Math.abs(centre.lng - 120.38675)).toBeLessThan(0.0001);
  await expect(editor.getByTestId('territory-building-selected')).toContainText('海滨花园8号楼');
  await expect(other.getByTestId('territory-history')).toContainText('新增楼栋「海滨花园8号楼」');

  // Move the shared edge's north corner 0.008° east: the east grid's outline follows, 3号楼 (120.385) changes grid.
  await chooseOption(page, editor.getByTestId('territory-edit-grid'), '幸福里第1网格');
  await editor.getByTestId('territory-boundary-edit').click();
  const from = await at(STREET.north, STREET.middle);
  const to = await at(STREET.north, STREET.middle + 0.008);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
  await editor.getByTestId('territory-boundary-save').click();
  await expect(page.locator('.ant-message')).toContainText('边界已保存：1 个相邻网格随之调整');
  const rings = readDb(server, (db) =>
    (db.prepare('SELECT boundary FROM grids WHERE deleted = 0 ORDER BY code').pluck().all() as string[]).map((b) => (JSON.parse(b) as number[][][])[0]!),
  );
  const moved = rings[0]!.find(([x, y]) => Math.abs(y! - STREET.north) < 0.0002 && x! > STREET.middle + 0.006)!;
  expect(moved).toBeDefined();
  expect(rings[1]!.some(([x, y]) => x === moved[0] && y === moved[1])).toBe(true);
  expect(gridOf('3号楼')).toBe('370202001001-01');
  expect(gridOf('8号楼')).toBe('370202001001-02');
  await editor.getByTestId('territory-edit-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-edge-moved.png') });
  await expect(other.getByTestId('territory-history')).toContainText('调整网格「幸福里第1网格」的边界');
  await other.close();

  const actions = readDb(server, (db) => db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'territory.%' ORDER BY seq`).pluck().all());
  expect(actions).toEqual([
    'territory.office',
    'territory.import',
    'territory.import',
    'territory.import',
    'territory.split',
    'territory.merge_grids',
    'territory.undo',
    'territory.undo',
    'territory.export',
    'territory.export',
    'territory.add_building',
    'territory.reshape_grid',
  ]);
  expect(errors).toEqual([]);
});
