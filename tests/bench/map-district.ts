import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, startBenchServer } from './server';
import { emit, freshDir, median } from './lib';

const BUILDINGS = 100_000;
/** A 32 × 32 block of grids, 0.01° each (a district of about 29 × 36 km), about 98 buildings in each. */
const SIDE = 32;
const WEST = 120.1;
const SOUTH = 36.0;
const PASSWORD = 'bench-district-2026';
const PANS = 3;
const PAN_STEPS = 40;

const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const collection = (features: { properties: Record<string, string | number>; ring: number[][] }[]) => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Polygon', coordinates: [f.ring] } })),
});

function districtFiles() {
  const community = collection([{ properties: { code: '370202001001', name: '基准社区' }, ring: square(WEST, SOUTH, WEST + SIDE * 0.01, SOUTH + SIDE * 0.01) }]);
  const gridFeatures = [];
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE; j++) {
      const w = WEST + i * 0.01;
      const s = SOUTH + j * 0.01;
      gridFeatures.push({ properties: { code: `G${i}-${j}`, name: `第${i * SIDE + j + 1}网格` }, ring: square(w, s, w + 0.01, s + 0.01) });
    }
  }
  const perRow = Math.ceil(Math.sqrt(BUILDINGS));
  const step = (SIDE * 0.01) / perRow;
  const buildingFeatures = [];
  for (let k = 0; k < BUILDINGS; k++) {
    const x = WEST + (k % perRow) * step + step * 0.3;
    const y = SOUTH + Math.floor(k / perRow) * step + step * 0.3;
    buildingFeatures.push({ properties: { 名称: `${k + 1}号楼`, 地址: `基准路${k + 1}号`, 层数: 6 }, ring: square(x, y, x + step * 0.4, y + step * 0.4) });
  }
  return { community, grids: collection(gridFeatures), buildings: collection(buildingFeatures) };
}

/** Calls the contract as the page's session (its cookie, renewed by signing in). */
async function call<T>(page: Page, origin: string, method: string, input: unknown): Promise<T> {
  const reply = await page.request.post(`${origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method, input } });
  const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

async function apply(page: Page, origin: string, name: string, layer: 'communities' | 'grids' | 'buildings', json: unknown): Promise<void> {
  const uploaded = await page.request.post(`${origin}/api/files`, { headers: { 'x-griddesk': '1', 'x-file-name': encodeURIComponent(name) }, data: Buffer.from(JSON.stringify(json)) });
  const { result } = (await uploaded.json()) as { result: { fileId: string } };
  const job = await call<{ id: string }>(page, origin, 'territory.apply', { fileId: result.fileId, layer, mapping: layer === 'buildings' ? {} : { code: 'code', name: 'name' } });
  for (;;) {
    const info = await call<{ state: string; error?: { message: string } }>(page, origin, 'jobs.get', { id: job.id });
    if (info.state === 'done') return;
    if (info.state === 'failed' || info.state === 'cancelled') throw new Error(`${name}: ${info.error?.message ?? info.state}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A new installation set up as a real office through the API, its district imported from GeoJSON. */
async function setUpDistrict(page: Page, url: string): Promise<void> {
  const origin = new URL(url).origin;
  await page.goto(url);
  await call(page, origin, 'auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD, office: { name: '基准街道', code: '370202001000', city: '青岛市', district: '市南区' } });
  const files = districtFiles();
  await apply(page, origin, '社区.geojson', 'communities', files.community);
  await apply(page, origin, '网格.geojson', 'grids', files.grids);
  await apply(page, origin, '楼栋.geojson', 'buildings', files.buildings);
}

/** Frame intervals (ms) while the map is dragged across by the mouse, PAN_STEPS moves of 12 px. */
async function panFrames(page: Page): Promise<number[]> {
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // Source text, so the bundler adds no helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framing = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= PAN_STEPS; i++) await page.mouse.move(x - i * 12, y - i * 6);
  await page.mouse.up();
  return page.evaluate<number[]>('(() => { window.__framing = false; return window.__frames.slice(1); })()');
}

/**
 * A 100,000-building district (a real office's import: 1,024 grids, footprints from GeoJSON) opened
 * on the map in headless Chromium: the time from navigation until the map is drawn, and the
 * median frame interval while it is dragged (60 Hz is 16.7 ms).
 */
export async function benchMapDistrict(): Promise<void> {
  const dataDir = freshDir('map-district');
  const { child, url } = await startBenchServer(dataDir, ['--no-seed']);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    const imported = performance.now();
    await setUpDistrict(page, url);
    const importMs = performance.now() - imported;
    const opens: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t = Date.now();
      await page.goto(`${new URL(url).origin}/?run=${run}#/map`, { waitUntil: 'commit' });
      await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 120_000 });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      opens.push(Date.now() - t);
    }
    const frames: number[] = [];
    for (let i = 0; i < PANS; i++) frames.push(...(await panFrames(page)));
    emit('map.district_100k.open', median(opens), 'ms', { buildings: BUILDINGS, grids: SIDE * SIDE, runs: opens.length, target: 3000, includes: 'navigation → map.layers → buildings drawn' });
    emit('map.district_100k.pan_frame', median(frames), 'ms', { frames: frames.length, p95: frames.sort((a, b) => a - b)[Math.floor(frames.length * 0.95)], target: 20 });
    emit('map.district_100k.import', importMs, 'ms', { buildings: BUILDINGS, includes: 'setup + 3 GeoJSON uploads + apply jobs' });
  } finally {
    await browser.close();
    child.kill();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchMapDistrict().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
