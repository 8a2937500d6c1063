import { ServiceHost } from '../../db/host';
import { dispatch } from '../../electron/rpc/dispatch';
import { startHttpHost } from '../../electron/server/http-host';
import { LOCAL_ACTOR } from '../../electron/server/local-actor';
import { emit, median } from './lib';

/** The map's one data call on the large preset: in the service, and end to end over HTTP. */
export async function benchMapData(dataDir: string): Promise<void> {
  const host = ServiceHost.open(dataDir);
  const runs = 15;
  const service: number[] = [];
  let bytes = 0;
  let buildings = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const reply = dispatch(host, LOCAL_ACTOR, { mode: 'browser' }, 'map.layers', {});
    const json = JSON.stringify(reply);
    service.push(performance.now() - t);
    bytes = Buffer.byteLength(json);
    if (reply.ok) buildings = (reply.result as { buildings: { ids: string[] } }).buildings.ids.length;
  }
  emit('map.layers.service', median(service.slice(2)), 'ms', { buildings, runs: runs - 2, target: 150, includes: 'query+serialize' });
  emit('map.layers.payload', bytes / 1024, 'KiB', { buildings });

  const running = await startHttpHost({ host, rendererDir: dataDir, port: 0, actor: LOCAL_ACTOR });
  const http: number[] = [];
  let gzipless = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${running.port}/api/rpc`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.sessions.startToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'map.layers', input: {} }),
    });
    const body = await res.json();
    http.push(performance.now() - t);
    gzipless = JSON.stringify(body).length;
  }
  emit('map.layers.http', median(http.slice(2)), 'ms', { buildings, runs: runs - 2, target: 150, bytes: gzipless });
  await running.close();
  host.close();
}
