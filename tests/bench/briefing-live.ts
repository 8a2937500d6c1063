import { cpSync } from 'node:fs';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { NEXT_START_URL } from '../../electron/server/sessions';
import { emit, freshDir, median } from './lib';
import { launchChromium, startBenchServer } from './server';

const RENDERS = 5;
const UPDATES = 6;

/** In the page: resolves with the wall clock once the figure shows the value and the next frame has run. */
const WATCH_FIGURE = `new Promise((resolve) => {
  const check = () => {
    const tile = document.querySelector('[data-testid="briefing-figure-controlled"]');
    if (Number(tile && tile.getAttribute('data-value')) !== %EXPECTED%) return false;
    requestAnimationFrame(() => resolve(Date.now()));
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-value'], childList: true });
})`;

/** Another operator's session over plain HTTP: start address → cookie → sign-in (which renews the cookie). */
async function otherSession(url: string, password: string) {
  const origin = new URL(url).origin;
  const opened = await fetch(url, { redirect: 'manual' });
  let cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const reply = await fetch(`${origin}/api/rpc`, { method: 'POST', headers: { cookie, 'x-griddesk': '1', 'content-type': 'application/json' }, body: JSON.stringify({ method, input }) });
    const renewed = reply.headers.get('set-cookie');
    if (renewed) cookie = renewed.split(';')[0]!;
    const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.result;
  };
  await call('auth.login', { username: 'zhiban', password });
  return { call };
}

/**
 * The 大屏 in headless Chromium on the large preset, 1920×1080: the first full render (from
 * navigation until the key figures and the map panel's buildings are drawn; target 1.5 s), and a
 * live update end to end (a status change sent from another session until the figure on screen
 * shows it; target 2 s).
 */
export async function benchBriefingLive(largeDir: string, password = process.env.GRIDDESK_BENCH_PASSWORD ?? DEMO_PASSWORD): Promise<void> {
  const dataDir = freshDir('briefing-live');
  cpSync(largeDir, dataDir, { recursive: true });
  const browser = await launchChromium();
  const { child, url } = await startBenchServer(dataDir);
  // Each start address works once: the second session takes the next one the server prints.
  let printed = '';
  child.stdout!.on('data', (c: Buffer) => (printed += c.toString()));
  const nextUrl = () => [...printed.matchAll(new RegExp(`${NEXT_START_URL}(http://\\S+)`, 'g'))].at(-1)?.[1];
  try {
    const origin = new URL(url).origin;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await page.goto(url);
    const login = await page.request.post(`${origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method: 'auth.login', input: { username: 'lingdao', password } } });
    if (!((await login.json()) as { ok: boolean }).ok) throw new Error('bench sign-in failed');
    // The map panel first and fixed: the heaviest panel is the one timed.
    await page.request.post(`${origin}/api/rpc`, {
      headers: { 'x-griddesk': '1' },
      data: { method: 'briefing.saveSettings', input: { panels: ['map', 'communities', 'charts', 'trends'], rotate: false, intervalSeconds: 20, staleAfterSeconds: 60 } },
    });

    const renders: number[] = [];
    const figuresAt: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`${origin}/#/briefing`);
      await page.waitForSelector('[data-testid="briefing-figure-controlled"]', { timeout: 60_000 });
      figuresAt.push(Date.now() - started);
      await page.waitForSelector('[data-testid="briefing-panel-map"] [data-testid="map"][data-ready="true"]', { timeout: 60_000 });
      renders.push((await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(Date.now())))')) as number - started);
    }
    emit('briefing.render.first', median(renders), 'ms', { viewport: '1920x1080', firstLoad: renders[0], figuresMs: median(figuresAt), runs: RENDERS, target: 1500 });

    const other = await otherSession(nextUrl() ?? url, password);
    const layers = await other.call<{ buildings: { ids: string[]; statuses: string[] } }>('map.layers', {});
    const index = layers.buildings.statuses.indexOf('normal');
    const building = layers.buildings.ids[index]!;
    let controlled = Number(await page.getAttribute('[data-testid="briefing-figure-controlled"]', 'data-value'));
    const updates: number[] = [];
    for (let run = 0; run < UPDATES; run++) {
      const sealing = run % 2 === 0;
      controlled += sealing ? 1 : -1;
      const shown = page.evaluate(WATCH_FIGURE.replace('%EXPECTED%', String(controlled))) as Promise<number>;
      const sent = Date.now();
      await other.call('buildings.setStatus', { id: building, status: sealing ? 'sealed' : 'normal', reason: sealing ? '发现确诊病例' : '解除管控' });
      updates.push((await shown) - sent);
      await new Promise((r) => setTimeout(r, 300));
    }
    emit('briefing.liveUpdate', median(updates), 'ms', { max: Math.max(...updates), runs: UPDATES, target: 2000 });
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

/** `tsx tests/bench/briefing-live.ts <data dir>`: this bench alone, on a data directory seeded with the large preset. */
if (process.argv[1]?.endsWith('briefing-live.ts') && process.argv[2]) {
  benchBriefingLive(process.argv[2]).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
