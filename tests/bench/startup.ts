import { launchChromium, startBenchServer } from './server';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, median, percentile } from './lib';

/**
 * Browser mode on the large preset: from spawning the server process to the map showing every
 * building; the page's first paint; frame times while dragging the map with the mouse.
 */
export async function benchStartup(dataDir: string, expectedBuildings: number): Promise<void> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const started = performance.now();
  const { child, url } = await startBenchServer(dataDir);
  try {
    const listening = performance.now() - started;
    await page.goto(url);
    // Sign in as the operator would (the first sign-in unwraps the key and opens the database).
    const login = await page.request.post(`${new URL(url).origin}/api/rpc`, {
      headers: { 'x-griddesk': '1' },
      data: { method: 'auth.login', input: { username: 'admin', password: DEMO_PASSWORD } },
    });
    if (!((await login.json()) as { ok: boolean }).ok) throw new Error('bench sign-in failed');
    await page.reload();
    await page.waitForSelector(`[data-testid="map"][data-ready="true"][data-building-count="${expectedBuildings}"]`, { timeout: 60_000 });
    const ready = performance.now() - started;
    emit('startup.listening', listening, 'ms');
    emit('startup.mapReady', ready, 'ms', { buildings: expectedBuildings, target: 3000, from: 'server process spawn', includes: 'sign-in' });
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const mark = performance.getEntriesByName('griddesk:map-ready')[0]?.startTime ?? NaN;
      return { fcp, mark };
    });
    emit('startup.firstContentfulPaint', paint.fcp, 'ms', { from: 'navigation start' });
    emit('startup.mapDrawn', paint.mark, 'ms', { from: 'navigation start' });

    // Frame times while the map is dragged back and forth with the mouse.
    const box = (await page.getByTestId('map').boundingBox())!;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    const frames = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const out: number[] = [];
          let last = performance.now();
          const tick = (now: number) => {
            out.push(now - last);
            last = now;
            if (out.length < 120) requestAnimationFrame(tick);
            else resolve(out);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0, x = cx, y = cy; i < 120; i++) {
      x += i % 60 < 30 ? 12 : -12;
      y += i % 40 < 20 ? 6 : -6;
      await page.mouse.move(x, y);
    }
    await page.mouse.up();
    const deltas = await frames;
    emit('map.pan.frame.median', median(deltas), 'ms', { frames: deltas.length });
    emit('map.pan.frame.p95', percentile(deltas, 95), 'ms', { frames: deltas.length });
    const domNodes = await page.evaluate(() => document.querySelectorAll('[data-testid="map"] *').length);
    emit('map.domNodes', domNodes, 'count', { buildings: expectedBuildings });
  } finally {
    child.kill('SIGTERM');
    await browser.close();
  }
}
