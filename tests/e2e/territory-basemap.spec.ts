import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS, E2E_TMP } from './support/paths';
import { rpc } from './support/rpc';
import { startServer, type TestServer } from './support/server';
import { setUpTestStreet } from './support/territory';
import { BUILDINGS, STREET } from '../shared/territory-files';
import { alignmentTile, decodeAlignment, mercatorPixel, tilesCovering, writeMbtiles, type TileSpec } from '../shared/basemap-files';

const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { data: Buffer } } } };

let server: TestServer;

test.beforeAll(async () => {
  server = await startServer({ fromTemplate: false, args: ['--no-seed'] });
});
test.afterAll(async () => server?.stop());

const ZOOM = 16;
const AROUND = { west: STREET.west - 0.01, east: STREET.east + 0.01, south: STREET.south - 0.01, north: STREET.north + 0.01 };

/** A raster MBTiles of alignment tiles (every pixel names itself) over the street, zooms 14–16. */
function alignmentMbtiles(): Buffer {
  const tiles: TileSpec[] = [];
  for (const z of [14, 15, 16]) for (const t of tilesCovering(AROUND, z)) tiles.push({ z, ...t, data: alignmentTile(t.x, t.y) });
  const path = join(mkdtempSync(join(E2E_TMP, 'basemap-')), '青岛市.mbtiles');
  writeMbtiles(path, tiles, [AROUND.west, AROUND.south, AROUND.east, AROUND.north]);
  return readFileSync(path);
}

/** The colour of one page pixel as the browser shows it. */
async function pixel(page: Page, at: { x: number; y: number }): Promise<[number, number, number]> {
  const shot = await page.screenshot({ clip: { x: Math.floor(at.x), y: Math.floor(at.y), width: 1, height: 1 } });
  const { data } = PNG.sync.read(shot);
  return [data[0]!, data[1]!, data[2]!];
}

/** Hides (or shows again) everything the map draws over its basemap. */
async function overlays(page: Page, show: boolean): Promise<void> {
  await page.evaluate((visibility) => {
    for (const pane of document.querySelectorAll<HTMLElement>('.leaflet-pane')) {
      if (!pane.classList.contains('leaflet-map-pane') && !pane.classList.contains('leaflet-gd-basemap-pane')) pane.style.visibility = visibility;
    }
  }, show ? '' : 'hidden');
}

test('an imported MBTiles basemap lines up with known WGS-84 points and with the buildings imported from GCJ-02', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page, { console: false });
  await setUpTestStreet(page, server);

  // The administrator imports the basemap on the 辖区 page; a file that is not one is refused in Chinese.
  await page.goto(`${server.origin}/#/territory`);
  await page.reload();
  const card = page.getByTestId('territory-basemap');
  await expect(card.getByTestId('basemap-current')).toHaveText('生成的底图（演示）');
  let chooser = page.waitForEvent('filechooser');
  await card.getByTestId('basemap-import').click();
  await (await chooser).setFiles({ name: '底图.mbtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是底图') });
  await expect(page.locator('.ant-message')).toContainText('文件「底图.mbtiles」不是 PMTiles 或 MBTiles 底图文件');
  chooser = page.waitForEvent('filechooser');
  await card.getByTestId('basemap-import').click();
  await (await chooser).setFiles({ name: '青岛市.mbtiles', mimeType: 'application/octet-stream', buffer: alignmentMbtiles() });
  await expect(card.getByTestId('basemap-current')).toContainText('青岛市.mbtiles（MBTILES PNG，14–16 级');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'territory-basemap-import.png') });
  expect(readDb(server, (db) => db.prepare("SELECT target FROM audit_log WHERE action = 'territory.basemap'").pluck().all())).toEqual(['青岛市.mbtiles']);

  await page.evaluate(() => (window.location.hash = '#/map'));
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'mbtiles-png');

  const stored = readDb(server, (db) => db.prepare('SELECT id, name FROM buildings WHERE deleted = 0 ORDER BY name').all() as { id: string; name: string }[]);
  const points = [
    { label: '街道西南角', lng: STREET.west, lat: STREET.south, building: null },
    { label: '街道东北角', lng: STREET.east, lat: STREET.north, building: null },
    { label: '网格分界', lng: STREET.middle, lat: (STREET.south + STREET.north) / 2, building: null },
    ...BUILDINGS.filter((b) => b.grid).map((b) => ({ label: b.name, lng: b.lng, lat: b.lat, building: stored.find((s) => s.name === b.name)!.id })),
  ];
  for (const p of points) {
    await page.evaluate(([lat, lng, z]) => window.__gridDeskMap!.setView(lat!, lng!, z!), [p.lat, p.lng, ZOOM]);
    const at = await page.evaluate(([lat, lng]) => window.__gridDeskMap!.pagePointOf(lat!, lng!), [p.lat, p.lng]);
    // The building imported from GCJ-02 is drawn over its true WGS-84 place...
    if (p.building) expect(await page.evaluate(([x, y]) => window.__gridDeskMap!.pixelAt(x!, y!), [at.x, at.y]), p.label).not.toBeNull();
    // ...and the basemap pixel shown there is the one Web Mercator puts that place in (to a pixel: about 2 m at zoom 16).
    await overlays(page, false);
    const expected = mercatorPixel(p.lng, p.lat, ZOOM);
    await expect
      .poll(async () => {
        const got = decodeAlignment(await pixel(page, at), expected);
        return Math.max(Math.abs(got.x - Math.floor(expected.x)), Math.abs(got.y - Math.floor(expected.y)));
      }, { message: p.label })
      .toBeLessThanOrEqual(1);
    await overlays(page, true);
  }
  await page.evaluate(([lat, lng]) => window.__gridDeskMap!.setView(lat!, lng!, 15), [(STREET.south + STREET.north) / 2, STREET.middle]);
  await page.screenshot({ path: join(ARTIFACTS, 'territory-basemap-map.png') });

  // Tiles come from the server by XYZ; an address of a replaced basemap is gone.
  const info = await rpc(page.request, server, 'basemap.info', {});
  const [t] = tilesCovering(STREET, 16);
  const tile = await page.request.get(`${server.origin}${info.imported!.url}/16/${t!.x}/${t!.y}`);
  expect(tile.status()).toBe(200);
  expect(Buffer.from(await tile.body()).equals(alignmentTile(t!.x, t!.y))).toBe(true);
  await rpc(page.request, server, 'basemap.remove', {});
  expect((await page.request.get(`${server.origin}${info.imported!.url}/16/${t!.x}/${t!.y}`)).status()).toBe(404);
  await expect(page.getByTestId('map')).not.toHaveAttribute('data-basemap', 'mbtiles-png');
  expect(errors).toEqual([]);
});
