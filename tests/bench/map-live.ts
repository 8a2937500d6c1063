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
  /** Push events of this session, as the bytes of each server-sent-event frame, by event name. */
  listen(onFrame: (event: string, bytes: number) => void): () => void;
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
    listen(onFrame) {
      const stop = new AbortController();
      void (async () => {
        const reply = await fetch(`${origin}/api/events`, { headers: { cookie }, signal: stop.signal });
        let buffer = '';
        const decoder = new TextDecoder();
        const reader = reply.body!.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          buffer += decoder.decode(read.value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end + 2);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(frame)?.[1];
            if (name) onFrame(name, Buffer.byteLength(frame));
          }
        }
      })().catch((err: unknown) => {
        if (!stop.signal.aborted) console.error('[map-live] event stream:', err);
      });
      return () => stop.abort();
    },
  };
  await rpc.call('auth.login', { username: 'admin', password });
  return rpc;
}

/**
 * Live status: the map open in headless Chromium, a bulk change of 1,000 buildings made from a
 * second session over HTTP, and the time from sending it until the map's legend shows the new
 * count and the next frame (the canvas recolour) has run; the size of the pushed change on the
 * wire; and how often the window downloaded the whole map meanwhile (it should not).
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
    let layerDownloads = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('"map.layers"')) layerDownloads++;
    });
    const other = await httpSession(url, password);
    const deltaBytes: number[] = [];
    const unlisten = other.listen((event, bytes) => {
      if (event === 'map.changed') deltaBytes.push(bytes);
    });
    await new Promise((r) => setTimeout(r, 300));
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
    unlisten();
    emit('status.bulk_1000.visible_in_map', median(times), 'ms', { runs: RUNS, buildings: ids.length, target: 300, all: times, mapLayersDownloads: layerDownloads });
    emit('status.bulk_1000.delta_bytes', median(deltaBytes) / 1024, 'KiB', { events: deltaBytes.length, target: 50, all: deltaBytes, mapLayersDownloads: layerDownloads });
  } finally {
    child.kill('SIGTERM');
    await browser.close();
  }
}
