import { cpSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { accountByUsername, actorOf } from '../../db/auth/accounts';
import { exportBuildings } from '../../db/buildings/export';
import { startRound } from '../../db/screening/start';
import type { JobInfo } from '../../electron/api';
import { startHttpHost } from '../../electron/server/http-host';
import { WorkerBackend } from '../../electron/host/worker-backend';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { BUILT_WORKER, emit, freshDir } from './lib';

const SORT = { key: 'address', order: 'asc' } as const;

/** Runs `work` while watching this thread's event loop; the longest stall seen, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; wallMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t = performance.now();
  await work();
  const wallMs = performance.now() - t;
  h.disable();
  return { stallMs: h.max / 1e6, wallMs };
}

/**
 * The longest event-loop stall of the thread that serves windows while a street-wide screening
 * round starts and every building is exported to Excel: with the services in that thread (the
 * design before the service worker) and with the services in their worker, jobs in job threads.
 */
export async function benchStall(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  // Before: the services run in the serving thread itself.
  const inlineDir = freshDir('stall-inline');
  cpSync(largeDir, inlineDir, { recursive: true });
  const runtime = new GridRuntime(inlineDir);
  runtime.vault.login('admin', password);
  const host = runtime.vault.requireOpen();
  const ctx = host.context(actorOf(accountByUsername(host.opened.sqlite, 'zhiban')!));
  const inline = await longestStall(async () => {
    startRound(ctx, { name: '基准：同线程', scope: { type: 'street' } });
    await exportBuildings(ctx, { filter: {}, sort: SORT });
  });
  runtime.close();

  // Now: the serving thread routes HTTP calls to the service worker; both jobs run in job threads.
  const workerDir = freshDir('stall-worker');
  cpSync(largeDir, workerDir, { recursive: true });
  const backend = await WorkerBackend.start(BUILT_WORKER, workerDir);
  const running = await startHttpHost({ backend, dataDir: workerDir, rendererDir: workerDir, port: 0 });
  const base = `http://127.0.0.1:${running.port}`;
  const opened = await fetch(`${base}/?token=${running.token.value}`, { redirect: 'manual' });
  const headers = { cookie: (opened.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-griddesk': '1', 'content-type': 'application/json' };
  const rpc = async <T>(method: string, input: unknown): Promise<T> => {
    const reply = (await (await fetch(`${base}/api/rpc`, { method: 'POST', headers, body: JSON.stringify({ method, input }) })).json()) as
      | { ok: true; result: T }
      | { ok: false; error: { message: string } };
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  await rpc('auth.login', { username: 'zhiban', password });
  const finish = async (job: JobInfo) => {
    let state = job;
    // Polled over HTTP as a window would see it; each poll is also a call the stall would delay.
    while (state.state === 'queued' || state.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      state = await rpc<JobInfo>('jobs.get', { id: job.id });
    }
    if (state.state !== 'done') throw new Error(`${job.kind}: ${state.state} ${state.error?.message ?? ''}`);
    return state;
  };
  let households = 0;
  let rows = 0;
  const worker = await longestStall(async () => {
    const round = await finish(await rpc<JobInfo>('screening.start', { name: '基准：工作线程', scope: { type: 'street' } }));
    households = (round.result as { households: number }).households;
    const exported = await finish(await rpc<JobInfo>('buildings.export', { sort: SORT }));
    rows = (exported.result as { rows: number }).rows;
  });
  await running.close();
  await backend.close();

  const detail = { households, rows, work: 'street-wide round start, then the full Excel export' };
  emit('stall.serving-thread.inline', inline.stallMs, 'ms', { ...detail, wallMs: Math.round(inline.wallMs), design: 'services in the serving thread' });
  emit('stall.serving-thread.worker', worker.stallMs, 'ms', {
    ...detail,
    wallMs: Math.round(worker.wallMs),
    design: 'services in a worker, jobs in job threads, calls over HTTP',
    target: 50,
    ratio: Math.round((inline.stallMs / Math.max(worker.stallMs, 0.001)) * 10) / 10,
  });
}
