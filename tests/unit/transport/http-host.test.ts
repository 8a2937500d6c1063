import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GridRuntime } from '../../../electron/rpc/runtime';
import { InlineBackend } from '../../../electron/host/inline-backend';
import { startHttpHost, type RunningHttpHost } from '../../../electron/server/http-host';
import { makeRuntime, PASSWORD } from '../helpers/runtime';
import type { MiniTerritory } from '../helpers/territory';

let runtime: GridRuntime;
let running: RunningHttpHost;
let territory: MiniTerritory;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: running.port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${running.port}`, ...init.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** Opens the start URL (session cookie), then signs in over the API. */
async function login(username = 'admin'): Promise<string> {
  const reply = await send(`/?token=${running.token.value}`);
  expect(reply.status).toBe(303);
  const cookie = String(reply.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  const session = cookie.split(';')[0]!;
  const signedIn = await rpc(session, 'auth.login', { username, password: PASSWORD });
  expect(JSON.parse(signedIn.body)).toMatchObject({ ok: true, result: { state: 'signed-in' } });
  // Signing in gives the session a new id, in a new cookie.
  return String(signedIn.headers['set-cookie']).split(';')[0]!;
}

function rpc(cookie: string, method: unknown, input: unknown, extra: Record<string, string> = {}) {
  return send('/api/rpc', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-griddesk': '1', ...extra },
    body: JSON.stringify({ method, input }),
  });
}

beforeEach(async () => {
  const made = makeRuntime();
  runtime = made.runtime;
  territory = made.territory;
  const dataDir = made.dataDir;
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>GridDesk</title>');
  running = await startHttpHost({ backend: new InlineBackend(runtime), dataDir, rendererDir, port: 0 });
});

afterEach(async () => {
  await running.close();
  runtime.close();
});

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the start secret', () => {
    expect(running.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${running.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses the page and the API without the secret or a session', async () => {
    expect((await send('/')).status).toBe(401);
    const api = await rpc('', 'system.info', {});
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await send('/?token=wrong-token-of-the-right-length-000000')).status).toBe(401);
    const forged = await rpc('griddesk_session=forged', 'system.info', {});
    expect(forged.status).toBe(401);
  });

  it('lets a fresh session reach only the sign-in methods, and refuses a wrong password', async () => {
    const reply = await send(`/?token=${running.token.value}`);
    const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
    expect(JSON.parse((await rpc(cookie, 'auth.status', {})).body)).toMatchObject({ ok: true, result: { state: 'signed-out' } });
    expect(JSON.parse((await rpc(cookie, 'system.info', {})).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const wrong = JSON.parse((await rpc(cookie, 'auth.login', { username: 'admin', password: 'nope-nope-1' })).body);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'password' } });
    expect(wrong.error.message).toMatch(/再错 4 次/);
    // Before sign-in the event stream carries nothing: it ends at once and asks to be retried.
    const events = await send('/api/events', { headers: { cookie } });
    expect(events.status).toBe(200);
    expect(events.body).toBe('retry: 1000\n\n');
  });

  it('turns the secret into an HttpOnly SameSite=Strict session and serves the app with a CSP', async () => {
    const cookie = await login();
    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const info = JSON.parse((await rpc(cookie, 'system.info', {})).body);
    expect(info).toMatchObject({ ok: true, result: { mode: 'browser', counts: { buildings: 4 }, street: { code: '370202001000' } } });
  });

  it('answers unknown methods and bad inputs with a structured error naming the field', async () => {
    const cookie = await login();
    expect(JSON.parse((await rpc(cookie, 'system.dropEverything', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', field: 'method' },
    });
    const bad = JSON.parse((await rpc(cookie, 'buildings.get', { id: 'not-a-uuid' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'id' } });
    expect(bad.error.message).toMatch(/字段「id」/);
    const extra = JSON.parse((await rpc(cookie, 'map.layers', { sneaky: 1 })).body);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = JSON.parse((await rpc(cookie, 'buildings.get', { id: '01900000-0000-7000-8000-000000000000' })).body);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const notJson = await send('/api/rpc', { method: 'POST', headers: { cookie, 'x-griddesk': '1' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('INVALID_INPUT');
  });

  it('returns a building with its address and heads, phones masked', async () => {
    const cookie = await login();
    const reply = JSON.parse((await rpc(cookie, 'buildings.get', { id: territory.buildings[1] })).body);
    expect(reply.ok).toBe(true);
    expect(reply.result.address).toBe('中山路街道 永安西里社区 26号院 2号楼');
    expect(reply.result.recentHistory[0]).toMatchObject({ status: 'controlled', previousStatus: 'normal' });
  });

  it('refuses foreign Host headers, cross-site origins and requests without the custom header', async () => {
    const cookie = await login();
    const rebound = await send('/api/rpc', { method: 'POST', headers: { host: 'evil.example:80', cookie, 'x-griddesk': '1' }, body: '{}' });
    expect(rebound.status).toBe(421);
    expect((await rpc(cookie, 'system.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const noHeader = await send('/api/rpc', { method: 'POST', headers: { cookie }, body: JSON.stringify({ method: 'system.info', input: {} }) });
    expect(noHeader.status).toBe(403);
  });

  it('pushes service events to connected browsers as server-sent events', async () => {
    const cookie = await login();
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: running.port, path: '/api/events', headers: { host: `127.0.0.1:${running.port}`, cookie } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.includes(': connected')) runtime.emit('map.changed', { revision: 1, batchId: 'b', statuses: { sealed: ['a'] } });
            if (buffer.includes('\n\nevent:') || buffer.includes('event: map')) {
              const frame = buffer.slice(buffer.indexOf('event:'));
              if (frame.includes('\n\n')) {
                req.destroy();
                resolve(frame);
              }
            }
          });
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.end();
    });
    expect(received).toContain('event: map.changed');
    expect(received).toContain('"statuses":{"sealed":["a"]}');
  });
});

describe('browser-mode sessions', () => {
  const cookieOf = (reply: Reply) => String(reply.headers['set-cookie']).split(';')[0]!;

  it('takes each start secret once; the next one is announced, and a browser with a session spends none', async () => {
    const announced: string[] = [];
    const dataDir = runtime.vault.dataDir;
    await running.close();
    running = await startHttpHost({ backend: new InlineBackend(runtime), dataDir, rendererDir: join(dataDir, 'renderer'), port: 0, onStartUrl: (url) => announced.push(url) });
    const first = running.url;
    const opened = await send(first.slice(first.indexOf('/?')));
    expect(opened.status).toBe(303);
    const cookie = cookieOf(opened);
    expect(announced).toEqual([running.url]);
    expect(running.url).not.toBe(first);
    // The same address again, from a browser without a session: refused, nothing made.
    const sessionsBefore = runtime.sessions.size;
    const again = await send(first.slice(first.indexOf('/?')));
    expect(again.status).toBe(401);
    expect(again.body).toMatch(/已经用过/);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(runtime.sessions.size).toBe(sessionsBefore);
    // A second tab of the same browser (it has the cookie) keeps its session and spends nothing.
    const secondTab = await send(first.slice(first.indexOf('/?')), { headers: { cookie } });
    expect(secondTab.status).toBe(303);
    expect(secondTab.headers['set-cookie']).toBeUndefined();
    expect(announced).toHaveLength(1);
    // The announced address works for another browser.
    expect((await send(announced[0]!.slice(announced[0]!.indexOf('/?')))).status).toBe(303);
  });

  it('gives the session a new cookie at sign-in; the cookie from before signs nothing in', async () => {
    const before = cookieOf(await send(`/?token=${running.token.value}`));
    const signedIn = await rpc(before, 'auth.login', { username: 'zhiban', password: PASSWORD });
    const after = cookieOf(signedIn);
    expect(after).toMatch(/^griddesk_session=/);
    expect(after).not.toBe(before);
    expect(JSON.parse((await rpc(after, 'system.info', {})).body)).toMatchObject({ ok: true });
    expect((await rpc(before, 'system.info', {})).status).toBe(401);
  });

  it('refuses a new session in Chinese once the open sessions reach the limit', async () => {
    while (runtime.sessions.size < runtime.sessions.limits.maxSessions) runtime.sessions.create();
    const full = await send(`/?token=${running.token.value}`);
    expect(full.status).toBe(503);
    expect(full.body).toMatch(/会话达到上限/);
    expect(full.headers['set-cookie']).toBeUndefined();
  });
});

