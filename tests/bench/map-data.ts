import { InlineBackend } from '../../electron/host/inline-backend';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { startHttpHost } from '../../electron/server/http-host';
import { emit, median } from './lib';

/** The map's one data call on the large preset: in the service, and end to end over HTTP. */
export async function benchMapData(dataDir: string): Promise<number> {
  const runtime = new GridRuntime(dataDir);
  const session = runtime.sessions.create();
  const t0 = performance.now();
  const login = await dispatch(runtime, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password: DEMO_PASSWORD });
  emit('auth.login.first', performance.now() - t0, 'ms', { target: 1000, includes: 'scrypt + key unwrap + open encrypted db' });
  if (!login.ok) throw new Error(login.error.message);
  const runs = 15;
  const service: number[] = [];
  let bytes = 0;
  let buildings = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const reply = await dispatch(runtime, session.id, { mode: 'browser' }, 'map.layers', {});
    const json = JSON.stringify(reply);
    service.push(performance.now() - t);
    bytes = Buffer.byteLength(json);
    if (reply.ok) buildings = (reply.result as { buildings: { ids: string[] } }).buildings.ids.length;
  }
  emit('map.layers.service', median(service.slice(2)), 'ms', { buildings, runs: runs - 2, target: 150, includes: 'query+serialize' });
  emit('map.layers.payload', bytes / 1024, 'KiB', { buildings });

  const running = await startHttpHost({ backend: new InlineBackend(runtime), dataDir, rendererDir: dataDir, port: 0 });
  const opened = await fetch(`http://127.0.0.1:${running.port}/?token=${running.token.value}`, { redirect: 'manual' });
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
  const headers = { cookie, 'x-griddesk': '1', 'content-type': 'application/json' };
  await fetch(`http://127.0.0.1:${running.port}/api/rpc`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ method: 'auth.login', input: { username: 'admin', password: DEMO_PASSWORD } }),
  });
  const http: number[] = [];
  let gzipless = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${running.port}/api/rpc`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'map.layers', input: {} }),
    });
    const body = await res.json();
    http.push(performance.now() - t);
    gzipless = JSON.stringify(body).length;
  }
  emit('map.layers.http', median(http.slice(2)), 'ms', { buildings, runs: runs - 2, target: 150, bytes: gzipless });
  await running.close();
  runtime.close();
  return buildings;
}
