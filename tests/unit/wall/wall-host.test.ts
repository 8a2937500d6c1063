import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineBackend } from '../../../electron/host/inline-backend';
import { parseWallAddress, wallHostAllowed } from '../../../electron/server/wall-address';
import { startWallHost, WALL_COOKIE, type RunningWallHost } from '../../../electron/server/wall-host';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
let host: RunningWallHost;
afterEach(async () => {
  await host?.close();
  t?.runtime.close();
});

function send(path: string, options: { method?: string; cookie?: string; body?: unknown; host?: string; origin?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; ended: Promise<void> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${host.port}`, 'x-griddesk': '1', ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
      },
      (res) => {
        let body = '';
        const ended = new Promise<void>((done) => res.on('end', () => done()));
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        if (res.headers['content-type']?.includes('event-stream')) resolve({ status: res.statusCode!, headers: res.headers, get body() { return body; }, ended });
        else void ended.then(() => resolve({ status: res.statusCode!, headers: res.headers, body, ended }));
      },
    );
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

describe('the wall listener', () => {
  it('takes an IP address and port only, and on every address accepts any IP but no host name', () => {
    expect(parseWallAddress('0.0.0.0:5171')).toEqual({ host: '0.0.0.0', port: 5171 });
    expect(parseWallAddress('[::]:5171')).toEqual({ host: '::', port: 5171 });
    for (const bad of ['wall.local:5171', '0.0.0.0', '1.2.3.4:99999']) expect(() => parseWallAddress(bad)).toThrow(/^--wall 须为「IP 地址:端口」/);
    expect(wallHostAllowed('192.168.1.20:5171', '0.0.0.0', 5171)).toBe(true);
    expect(wallHostAllowed('[fe80::1]:5171', '::', 5171)).toBe(true);
    expect(wallHostAllowed('evil.example:5171', '0.0.0.0', 5171)).toBe(false);
    expect(wallHostAllowed('192.168.1.20:5170', '0.0.0.0', 5171)).toBe(false);
    expect(wallHostAllowed('192.168.1.21:5171', '192.168.1.20', 5171)).toBe(false);
    expect(wallHostAllowed(undefined, '0.0.0.0', 5171)).toBe(false);
  });

  it('pairs with a code into an HttpOnly, SameSite=Strict credential, streams changes, and cuts the stream when revoked', async () => {
    t = makeRuntime();
    host = await startWallHost({ backend: new InlineBackend(t.runtime), rendererDir: '/nonexistent', address: { host: '127.0.0.1', port: 0 } });
    expect((await send('/api/wall/status', { host: `evil.example:${host.port}` })).status).toBe(421);
    expect(JSON.parse((await send('/api/wall/status')).body)).toEqual({ open: true, paired: false, name: null });
    expect((await send('/api/events')).status).toBe(401);

    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    const { code } = await leader.call('wall.createCode', { name: '大厅' });
    const paired = await send('/api/wall/pair', { method: 'POST', body: { code } });
    expect(JSON.parse(paired.body)).toEqual({ ok: true, result: { name: '大厅' } });
    const setCookie = String(paired.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${WALL_COOKIE}=[\\w-]{43}; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Strict$`));
    const cookie = setCookie.split(';')[0]!;
    expect(JSON.parse((await send('/api/wall/status', { cookie })).body)).toEqual({ open: true, paired: true, name: '大厅' });

    const stream = await send('/api/events', { cookie });
    expect(stream.status).toBe(200);
    t.runtime.emit('data.changed', { domains: ['buildings'] });
    t.runtime.emit('jobs.changed', { id: 'j', ownerId: 'x' } as never);
    await new Promise((r) => setTimeout(r, 50));
    expect(stream.body).toContain('event: data.changed');
    expect(stream.body).not.toContain('jobs.changed');

    const [display] = await leader.call('wall.list');
    await leader.call('wall.revoke', { id: display!.id });
    await stream.ended;
    expect(JSON.parse((await send('/api/rpc', { method: 'POST', cookie, body: { method: 'briefing.get', input: {} } })).body)).toMatchObject({ ok: false, error: { key: 'wall.notPaired' } });
    // Cross-site posts are refused before anything is read.
    expect((await send('/api/wall/pair', { method: 'POST', body: { code: '12345678' }, origin: 'http://evil.example' })).status).toBe(403);
  });
});
