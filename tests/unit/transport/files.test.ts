import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InlineBackend } from '../../../electron/host/inline-backend';
import { startHttpHost, type RunningHttpHost } from '../../../electron/server/http-host';
import { makeRuntime, PASSWORD, type TestRuntime } from '../helpers/runtime';

const LIMIT = 1024 * 1024;
let t: TestRuntime;
let running: RunningHttpHost;

beforeEach(async () => {
  t = makeRuntime();
  const rendererDir = join(t.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>GridDesk</title>');
  running = await startHttpHost({ backend: new InlineBackend(t.runtime), dataDir: t.dataDir, rendererDir, port: 0, maxUploadBytes: LIMIT });
});

afterEach(async () => {
  await running.close();
  t.runtime.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request; `chunks` are written one by one (no Content-Length: chunked) when given. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer; chunks?: Buffer[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: running.port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${running.port}`, ...init.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      },
    );
    req.on('error', reject);
    if (init.body) req.end(init.body);
    else {
      for (const c of init.chunks ?? []) req.write(c);
      req.end();
    }
  });
}

async function signedIn(username = 'zhiban'): Promise<string> {
  const cookie = String((await send(`/?token=${running.token.value}`)).headers['set-cookie']).split(';')[0]!;
  const login = await send('/api/rpc', {
    method: 'POST',
    headers: { cookie, 'x-griddesk': '1', 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ method: 'auth.login', input: { username, password: PASSWORD } })),
  });
  expect(JSON.parse(login.body.toString())).toMatchObject({ ok: true });
  // Signing in gives the session a new id, in a new cookie.
  return String(login.headers['set-cookie']).split(';')[0]!;
}

const upload = (cookie: string, body: Buffer, name = '志愿者名单.xlsx') =>
  send('/api/files', { method: 'POST', headers: { cookie, 'x-griddesk': '1', 'x-file-name': encodeURIComponent(name) }, body });

const filesOnDisk = () => (existsSync(join(t.dataDir, 'files')) ? readdirSync(join(t.dataDir, 'files')) : []);

describe('files by stream in browser mode', () => {
  it('stores an upload under a new id and streams it back, byte for byte, with its Chinese name', async () => {
    const cookie = await signedIn();
    const bytes = Buffer.alloc(LIMIT - 10, 7);
    bytes.write('PK', 0);
    const up = await upload(cookie, bytes);
    expect(up.status).toBe(200);
    const { result } = JSON.parse(up.body.toString()) as { result: { fileId: string; name: string; size: number } };
    expect(result).toMatchObject({ name: '志愿者名单.xlsx', size: bytes.length });
    const down = await send(`/api/files/${result.fileId}`, { headers: { cookie } });
    expect(down.status).toBe(200);
    expect(createHash('sha256').update(down.body).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(down.headers['content-disposition']).toBe(`attachment; filename="_____.xlsx"; filename*=UTF-8''${encodeURIComponent('志愿者名单.xlsx')}`);
    expect(down.headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses an upload over the limit with 413 and a Chinese message, keeping nothing — declared or not', async () => {
    const cookie = await signedIn();
    const declared = await upload(cookie, Buffer.alloc(LIMIT + 1));
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body.toString())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('1 MB 的上限') } });
    const chunked = await send('/api/files', {
      method: 'POST',
      headers: { cookie, 'x-griddesk': '1', 'x-file-name': 'a.csv' },
      chunks: [Buffer.alloc(LIMIT / 2), Buffer.alloc(LIMIT / 2), Buffer.alloc(1024)],
    });
    expect(chunked.status).toBe(413);
    expect(filesOnDisk()).toEqual([]);
  });

  it('answers a JSON call over 16 MB with 413 and a Chinese message instead of a reset', async () => {
    const cookie = await signedIn();
    const huge = await send('/api/rpc', {
      method: 'POST',
      headers: { cookie, 'x-griddesk': '1', 'content-type': 'application/json' },
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body.toString())).toMatchObject({ ok: false, error: { message: expect.stringContaining('16 MB') } });
  });

  it('lets only the signed-in owner read a file: another account gets the same 404 as a made-up id, no session 401', async () => {
    const owner = await signedIn('zhiban');
    const { result } = JSON.parse((await upload(owner, Buffer.from('a,b\n1,2\n'), '名单.csv')).body.toString()) as { result: { fileId: string } };
    const other = await signedIn('lingdao');
    const foreign = await send(`/api/files/${result.fileId}`, { headers: { cookie: other } });
    const unknown = await send('/api/files/00000000-0000-4000-8000-000000000000', { headers: { cookie: other } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.toString()).toBe(unknown.body.toString());
    expect((await send(`/api/files/${result.fileId}`)).status).toBe(401);
    expect((await send('/api/files/00000000-0000-4000-8000-000000000000', { headers: { cookie: owner } })).status).toBe(404);
    expect((await send('/api/files/..%2F..%2Fkeyring.json', { headers: { cookie: owner } })).status).toBe(404);
  });

  it('refuses uploads without a session, without the x-griddesk header, or without a name', async () => {
    const anonymous = String((await send(`/?token=${running.token.value}`)).headers['set-cookie']).split(';')[0]!;
    expect((await upload(anonymous, Buffer.from('x'))).status).toBe(401);
    const cookie = await signedIn();
    expect((await send('/api/files', { method: 'POST', headers: { cookie, 'x-file-name': 'a.csv' }, body: Buffer.from('x') })).status).toBe(403);
    const nameless = await send('/api/files', { method: 'POST', headers: { cookie, 'x-griddesk': '1' }, body: Buffer.from('x') });
    expect(nameless.status).toBe(400);
    expect(JSON.parse(nameless.body.toString()).error.message).toContain('缺少文件名');
    expect(filesOnDisk()).toEqual([]);
  });
});
