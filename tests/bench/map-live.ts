import { cpSync } from 'node:fs';
import { launchChromium, startBenchServer } from './server';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, freshDir, median } from './lib';

const BATCH = 1000;
const RUNS = 5;

/**
 * In the page (as source text, so the bundler adds nothing to it): resolves with the wall clock
 * once the legend row shows the expected count and the next frame (the canvas recolour) has run.
 */
const WATCH_LEGEND = `new Promise((resolve) => {
  const check = () => {
    const row = document.querySelector('[data-testid="legend-%TARGET%"]');
    if (Number(row && row.getAttribute('data-count')) !== %EXPECTED%) return false;
    requestAnimationFrame(() => resolve(Date.now()));
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-count'], childList: true });
})`;

async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

interface Rpc {
  call<T>(method: string, input: unknown): Promise<T>;
}

/** A second session over plain HTTP (another operator's window): start secret → cookie → sign-in. */
async function httpSession(url: string, password: string): Promise<Rpc> {
  const origin = new URL(url).origin;
  const opened = await fetch(url, { redirect: 'manual' });
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
  const headers = { cookie, 'x-griddesk': '1', 'content-type': 'application/json' };
  const rpc: Rpc = {
    async call<T>(method: string, input: unknown): Promise<T> {
      const reply = await fetch(`${origin}/api/rpc`, { method: 'POST', headers, body: JSON.stringify({ method, input }) });
      const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.result;
    },
  };
  await rpc.call('auth.login', { username: 'admin', password });
  return rpc;
}

/**
 * Live status on the large preset: the map open in headless Chromium, a bulk change of 1,000
 * buildings made from a second session over HTTP, and the time from sending it until the map's
 * legend shows the new count and the next frame (the canvas recolour) has run.
 */
export async function benchMapLive(largeDir: string, password = process.env.GRIDDESK_BENCH_PASSWORD ?? DEMO_PASSWORD): Promise<void> {
  const dataDir = freshDir('map-live');
  cpSync(largeDir, dataDir, { recursive: true });
  const browser = await launchChromium();
  const { child, url } = await startBenchServer(dataDir);
  try {
    const log = (s: string) => process.env.GRIDDESK_BENCH_DEBUG && console.error(`[map-live] ${s}`);
    log('server up');
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await page.goto(url);
    const login = await page.request.post(`${new URL(url).origin}/api/rpc`, {
      headers: { 'x-griddesk': '1' },
      data: { method: 'auth.login', input: { username: 'admin', password } },
    });
    if (!((await login.json()) as { ok: boolean }).ok) throw new Error('bench sign-in failed');
    await page.reload();
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 120_000 });

    log('map ready');
    const other = await httpSession(url, password);
    const layers = await other.call<{ buildings: { ids: string[]; statuses: string[] } }>('map.layers', {});
    const { ids } = layers.buildings;
    const statuses = layers.buildings.statuses.slice();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const target = run % 2 === 0 ? 'sealed' : 'normal';
      const chosen: string[] = [];
      for (let i = 0; i < ids.length && chosen.length < BATCH; i++) if (statuses[i] !== target) chosen.push(ids[i]!);
      const before = Number(await page.getByTestId(`legend-${target}`).getAttribute('data-count'));
      const expected = before + chosen.length;
      const seen = page.evaluate<number>(WATCH_LEGEND.replace('%TARGET%', target).replace('%EXPECTED%', String(expected)));
      seen.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      log(`run ${run}: sending ${chosen.length}`);
      const sent = Date.now();
      const result = await other.call<{ changed: number }>('buildings.bulkSetStatus', {
        selection: { kind: 'buildings', ids: chosen },
        selectionLabel: `bench ${run}`,
        status: target,
        reason: `基准测试第 ${run + 1} 轮`,
      });
      if (result.changed !== chosen.length) throw new Error(`expected ${chosen.length} changed, got ${result.changed}`);
      const shown = await within(seen, 30_000, 'the map never showed the change');
      times.push(shown - sent);
      log(`run ${run}: ${shown - sent} ms`);
      const wanted = new Set(chosen);
      for (let i = 0; i < ids.length; i++) if (wanted.has(ids[i]!)) statuses[i] = target;
      // Let the refetches that follow the change settle before the next run.
      await page.waitForTimeout(1500);
    }
    emit('status.bulk_1000.visible_in_map', median(times), 'ms', { runs: RUNS, buildings: ids.length, target: 1000, all: times });
  } finally {
    child.kill('SIGTERM');
    await browser.close();
  }
}
