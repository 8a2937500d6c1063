import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InlineBackend } from '../../../electron/host/inline-backend';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { startHttpHost, type RunningHttpHost } from '../../../electron/server/http-host';
import { FAST_KDF, makeRuntime, PASSWORD, type TestRuntime } from '../helpers/runtime';
import { countRows } from '../helpers/territory';
import { testWorker } from '../helpers/worker-bundle';

let t: TestRuntime;
let runtime: GridRuntime;
let running: RunningHttpHost;

async function serve(rt: GridRuntime): Promise<RunningHttpHost> {
  const rendererDir = join(t.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>GridDesk</title>');
  return startHttpHost({ backend: new InlineBackend(rt), dataDir: t.dataDir, rendererDir, port: 0 });
}

beforeEach(async () => {
  t = makeRuntime();
  runtime = t.runtime;
  running = await serve(runtime);
});

afterEach(async () => {
  await running.close();
  runtime.close();
});

const sqlite = () => runtime.vault.requireOpen().opened.sqlite;

/** Sends one call; with `loseReply` the client hangs up as soon as it is sent and never reads the answer. */
function post(cookie: string, body: unknown, loseReply = false): Promise<{ status: number; body: string; setCookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: running.port,
        path: body === undefined ? `/?token=${running.token.value}` : '/api/rpc',
        method: body === undefined ? 'GET' : 'POST',
        headers: { host: `127.0.0.1:${running.port}`, cookie, 'content-type': 'application/json', 'x-griddesk': '1' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: body === undefined ? String(res.headers['set-cookie']) : text, setCookie: res.headers['set-cookie']?.[0] }),
        );
      },
    );
    req.on('error', (err) => (loseReply ? resolve({ status: 0, body: '' }) : reject(err)));
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end(() => {
      if (loseReply) req.destroy();
    });
  });
}

async function signInOverHttp(username: string): Promise<string> {
  const cookie = (await post('', undefined)).body.split(';')[0]!;
  const login = await post(cookie, { method: 'auth.login', input: { username, password: PASSWORD } });
  expect(JSON.parse(login.body)).toMatchObject({ ok: true });
  // Signing in renews the session id: the answer carries the new cookie.
  return login.setCookie!.split(';')[0]!;
}

async function rpc(cookie: string, method: string, input: unknown, requestId?: string) {
  return JSON.parse((await post(cookie, { method, input, ...(requestId === undefined ? {} : { requestId }) })).body) as {
    ok: boolean;
    result?: Record<string, unknown>;
    alreadyDone?: boolean;
    error?: { code: string; message: string; field?: string };
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

const bulk = () => ({ selection: { kind: 'grid', id: t.territory.grid }, status: 'precaution', reason: '周边出现病例' });

describe('a change sent again with its request id is made once', () => {
  it('answers a retry after a lost reply with the first result, writing the bulk change once', async () => {
    const cookie = await signInOverHttp('zhiban');
    const historyBefore = countRows(sqlite(), 'building_status_history');
    await post(cookie, { method: 'buildings.bulkSetStatus', input: bulk(), requestId: 'bulk-0001-lost-reply' }, true);
    // The change was committed although the caller never heard back.
    await until(() => countRows(sqlite(), 'building_status_history') === historyBefore + 3);
    const retry = await rpc(cookie, 'buildings.bulkSetStatus', bulk(), 'bulk-0001-lost-reply');
    const batchId = sqlite().prepare('SELECT batch_id FROM building_status_history ORDER BY changed_at DESC, id DESC LIMIT 1').pluck().get();
    expect(retry).toMatchObject({ ok: true, alreadyDone: true, result: { batchId, changed: 3, unchanged: 0 } });
    expect(countRows(sqlite(), 'building_status_history')).toBe(historyBefore + 3);
    expect(countRows(sqlite(), 'request_ids')).toBe(1);
  });

  it('still knows the id after the service restarts, as after a crash between commit and reply', async () => {
    const cookie = await signInOverHttp('zhiban');
    const first = await rpc(cookie, 'buildings.bulkSetStatus', bulk(), 'bulk-0002-restart');
    expect(first).toMatchObject({ ok: true, result: { changed: 3 } });
    expect(first.alreadyDone).toBeUndefined();
    const history = countRows(sqlite(), 'building_status_history');
    await running.close();
    runtime.close();
    runtime = new GridRuntime(t.dataDir, { kdf: FAST_KDF, worker: testWorker });
    runtime.vault.login('admin', PASSWORD);
    running = await serve(runtime);
    const again = await signInOverHttp('zhiban');
    expect(await rpc(again, 'buildings.bulkSetStatus', bulk(), 'bulk-0002-restart')).toEqual({ ok: true, alreadyDone: true, result: first.result });
    expect(countRows(sqlite(), 'building_status_history')).toBe(history);
  });

  it('refuses the same id from another account or for another method, changing nothing', async () => {
    const staff = await signInOverHttp('zhiban');
    const worker = await signInOverHttp('wangge');
    expect(await rpc(staff, 'buildings.bulkSetStatus', bulk(), 'shared-id-0003')).toMatchObject({ ok: true });
    const history = countRows(sqlite(), 'building_status_history');
    const stolen = await rpc(worker, 'buildings.bulkSetStatus', bulk(), 'shared-id-0003');
    expect(stolen).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'requestId' } });
    expect(stolen.error!.message).toMatch(/^请求编号「shared-id-0003」已用于另一项操作/);
    const other = await rpc(staff, 'buildings.setStatus', { id: t.territory.buildings[0], status: 'sealed', reason: '出现确诊病例' }, 'shared-id-0003');
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'requestId' } });
    expect(countRows(sqlite(), 'building_status_history')).toBe(history);
  });

  it('records nothing for a change that failed, so its retry runs', async () => {
    const cookie = await signInOverHttp('zhiban');
    const missing = { ...bulk(), status: 'no_such_status' };
    expect(await rpc(cookie, 'buildings.bulkSetStatus', missing, 'failing-0004')).toMatchObject({ ok: false });
    expect(countRows(sqlite(), 'request_ids')).toBe(0);
    expect(await rpc(cookie, 'buildings.bulkSetStatus', bulk(), 'failing-0004')).toMatchObject({ ok: true, result: { changed: 3 } });
  });

  it('starts a job once for one id, and refuses an id of the wrong shape', async () => {
    const cookie = await signInOverHttp('zhiban');
    const first = await rpc(cookie, 'buildings.export', {}, 'export-0005');
    const retry = await rpc(cookie, 'buildings.export', {}, 'export-0005');
    expect(retry).toMatchObject({ ok: true, alreadyDone: true, result: { id: first.result!.id } });
    await runtime.jobs.wait(first.result!.id as string);
    const jobs = (await rpc(cookie, 'jobs.list', {})).result as unknown as { kind: string }[];
    expect(jobs.filter((j) => j.kind === 'buildings.export')).toHaveLength(1);
    const bad = await rpc(cookie, 'buildings.bulkSetStatus', bulk(), 'short');
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestId' } });
    expect(bad.error!.message).toMatch(/^请求编号无效/);
  });

  it('leaves calls without an id as they were: each one runs', async () => {
    const cookie = await signInOverHttp('zhiban');
    const input = { buildingId: t.territory.buildings[0], kind: 'medicine', title: '降压药两盒', source: 'hotline', requester: '张大爷' };
    await rpc(cookie, 'requests.create', input);
    await rpc(cookie, 'requests.create', input);
    expect(countRows(sqlite(), 'requests')).toBe(2);
    expect(countRows(sqlite(), 'request_ids')).toBe(0);
  });
});
