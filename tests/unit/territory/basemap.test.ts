import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import Database from 'better-sqlite3-multiple-ciphers';
import { basemapInfo, importBasemap, removeBasemap, setTianditu } from '../../../db/basemap/service';
import { basemapReply, tiandituReply } from '../../../db/basemap/tiles';
import { ServiceError } from '../../../db/errors';
import { ADMIN, STAFF } from '../helpers/actors';
import { tempDir } from '../helpers/tmp';
import { openImportStreet, upload, type ImportStreet } from '../imports/fixture';
import { alignmentTile, assemblePmtiles, pngBytes, writeMbtiles, type TileSpec } from '../../shared/basemap-files';

let street: ImportStreet | undefined;
afterEach(() => street?.close());

const BOUNDS: [number, number, number, number] = [120.37, 36.06, 120.39, 36.08];
/** Tiles around 青岛 at zooms 14 and 15 (XYZ), each painted so its bytes differ from every other. */
const TILES: TileSpec[] = [
  { z: 14, x: 13669, y: 6329 },
  { z: 14, x: 13670, y: 6329 },
  { z: 15, x: 27339, y: 12659 },
].map((t) => ({ ...t, data: alignmentTile(t.x, t.y) }));

function mbtilesBytes(tiles = TILES): Buffer {
  const path = join(tempDir('griddesk-mbtiles-'), 'city.mbtiles');
  writeMbtiles(path, tiles, BOUNDS);
  return readFileSync(path);
}

const refusal = (fn: () => unknown): { key: string; message: string } => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return { key: err.key, message: err.message };
    throw err;
  }
  throw new Error('not refused');
};

/** A `pmtiles` Source that reads through the basemap address with Range headers, as the browser's fetch does. */
function rangeSource(dataDir: string, url: string, seen: string[]): Source {
  return {
    getKey: () => url,
    getBytes: async (offset, length): Promise<RangeResponse> => {
      const range = `bytes=${offset}-${offset + length - 1}`;
      seen.push(range);
      const reply = basemapReply(dataDir, url, range);
      if (reply.status !== 206) throw new Error(`status ${reply.status}`);
      const body = reply.body!;
      return { data: body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer };
    },
  };
}

describe('the offline basemap', () => {
  it('imports a raster MBTiles file and serves each tile by XYZ, reading the TMS row the file keeps', () => {
    const s = (street = openImportStreet());
    const ctx = s.host.context(ADMIN);
    expect(basemapInfo(ctx)).toEqual({ imported: null, tianditu: false });
    const imported = importBasemap(ctx, { fileId: upload(s, '青岛市.mbtiles', mbtilesBytes()) });
    expect(imported).toMatchObject({ kind: 'mbtiles', format: 'png', name: '青岛市.mbtiles', minZoom: 14, maxZoom: 15, bounds: BOUNDS });
    expect(basemapInfo(s.host.context(STAFF)).imported?.url).toBe(imported.url);
    for (const t of TILES) {
      const reply = basemapReply(s.dataDir, `${imported.url}/${t.z}/${t.x}/${t.y}`, undefined);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('image/png');
      expect(reply.body!.equals(t.data)).toBe(true);
    }
    // A tile the file lacks is empty; a flipped row would have found the (14, 13669, 10054) row instead.
    expect(basemapReply(s.dataDir, `${imported.url}/14/13669/${2 ** 14 - 1 - 6329}`, undefined).status).toBe(204);
    expect(basemapReply(s.dataDir, `${imported.url}/14/99999/1`, undefined).status).toBe(400);
    const audit = s.sqlite.prepare<[], { action: string; target: string }>("SELECT action, target FROM audit_log WHERE action LIKE 'territory.basemap%'").all();
    expect(audit).toEqual([{ action: 'territory.basemap', target: '青岛市.mbtiles' }]);
    expect(s.events.some((e) => e.event === 'data.changed' && JSON.stringify(e.payload).includes('basemap'))).toBe(true);
  });

  it('serves a PMTiles archive by HTTP ranges that the pmtiles reader follows to each tile', async () => {
    const s = (street = openImportStreet());
    const ctx = s.host.context(ADMIN);
    const archive = assemblePmtiles(TILES, { tileType: 2, bounds: BOUNDS });
    const imported = importBasemap(ctx, { fileId: upload(s, '青岛市.pmtiles', archive) });
    expect(imported).toMatchObject({ kind: 'pmtiles', format: 'png', minZoom: 14, maxZoom: 15, bounds: BOUNDS });
    const seen: string[] = [];
    const reader = new PMTiles(rangeSource(s.dataDir, imported.url, seen));
    for (const t of TILES) {
      const tile = await reader.getZxy(t.z, t.x, t.y);
      expect(Buffer.from(tile!.data).equals(t.data)).toBe(true);
    }
    expect(await reader.getZxy(14, 0, 0)).toBeUndefined();
    expect(seen[0]).toBe('bytes=0-16383');
    expect(seen.length).toBeGreaterThan(TILES.length);
    // Ranges past the end, and tile addresses, are refused.
    expect(basemapReply(s.dataDir, imported.url, `bytes=${archive.length + 10}-`).status).toBe(416);
    expect(basemapReply(s.dataDir, `${imported.url}/14/1/1`, undefined).status).toBe(404);
    const whole = basemapReply(s.dataDir, imported.url, undefined);
    expect(whole.status).toBe(200);
    expect(whole.body!.equals(archive)).toBe(true);
  });

  it('a new import replaces the old one, whose address then answers 404; removing goes back to the generated basemap', () => {
    const s = (street = openImportStreet());
    const ctx = s.host.context(ADMIN);
    const first = importBasemap(ctx, { fileId: upload(s, 'a.mbtiles', mbtilesBytes()) });
    const second = importBasemap(ctx, { fileId: upload(s, 'b.pmtiles', assemblePmtiles(TILES, { tileType: 2, bounds: BOUNDS })) });
    expect(second.url).not.toBe(first.url);
    expect(basemapReply(s.dataDir, `${first.url}/14/13669/6329`, undefined).status).toBe(404);
    expect(removeBasemap(ctx)).toEqual({ removed: true });
    expect(basemapInfo(ctx).imported).toBeNull();
    expect(basemapReply(s.dataDir, second.url, 'bytes=0-10').status).toBe(404);
    expect(removeBasemap(ctx)).toEqual({ removed: false });
  });

  it('refuses files that are not basemaps, or are cut short, in Chinese naming the file, and keeps the basemap in use', () => {
    const s = (street = openImportStreet());
    const ctx = s.host.context(ADMIN);
    const kept = importBasemap(ctx, { fileId: upload(s, 'good.mbtiles', mbtilesBytes()) });
    const pm = assemblePmtiles(TILES, { tileType: 2, bounds: BOUNDS });
    const mb = mbtilesBytes();
    const notMbtiles = join(tempDir('griddesk-sqlite-'), 'other.sqlite');
    new Database(notMbtiles).exec('CREATE TABLE people (name TEXT)').close();
    const cases: [string, Uint8Array | string, string, RegExp][] = [
      ['地图.png', pngBytes(4, 4, () => [1, 2, 3]), 'basemap.notTiles', /^文件「地图\.png」不是 PMTiles 或 MBTiles 底图文件/],
      ['空.pmtiles', '', 'basemap.notTiles', /不是 PMTiles 或 MBTiles/],
      ['头.pmtiles', pm.subarray(0, 100), 'basemap.truncated', /^文件「头\.pmtiles」不完整（PMTiles 文件头被截断）/],
      ['半.pmtiles', pm.subarray(0, pm.length - 50), 'basemap.truncated', /^文件「半\.pmtiles」不完整（瓦片数据被截断）/],
      ['半.mbtiles', mb.subarray(0, Math.floor(mb.length / 2)), 'basemap.truncated', /不完整（SQLite 数据库被截断）/],
      ['人员.mbtiles', readFileSync(notMbtiles), 'basemap.badMbtiles', /^文件「人员\.mbtiles」是 SQLite 数据库，但不是 MBTiles/],
      ['矢量.pmtiles', assemblePmtiles(TILES, { tileType: 2, bounds: BOUNDS }).fill(9, 99, 100), 'basemap.tileType', /瓦片格式（9）不受支持/],
    ];
    for (const [name, bytes, key, message] of cases) {
      const refused = refusal(() => importBasemap(ctx, { fileId: upload(s, name, bytes) }));
      expect(refused.key, name).toBe(key);
      expect(refused.message, name).toMatch(message);
    }
    expect(basemapInfo(ctx).imported?.url).toBe(kept.url);
    expect(basemapReply(s.dataDir, `${kept.url}/14/13669/6329`, undefined).status).toBe(200);
    expect(s.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'territory.basemap'").pluck().get()).toBe(1);
  });

  it('only an administrator imports; the 天地图 key is kept for the server, which fetches the tiles with it, and is never sent to the page or the log', async () => {
    const s = (street = openImportStreet());
    expect(refusal(() => importBasemap(s.host.context(STAFF), { fileId: upload(s, 'a.mbtiles', mbtilesBytes(), STAFF) })).key).toMatch(/forbidden|permission/i);
    const ctx = s.host.context(ADMIN);
    expect((await tiandituReply(s.dataDir, '/api/basemap/tianditu/vec/14/13669/6329')).status).toBe(404);
    const key = '0123456789abcdef0123456789ABCDEF';
    expect(setTianditu(ctx, { key }).tianditu).toBe(true);
    expect(JSON.stringify(basemapInfo(s.host.context(STAFF)))).not.toContain(key.toLowerCase());
    const asked: string[] = [];
    const png = pngBytes(2, 2, () => [9, 9, 9]);
    const fake = (async (url: string | URL | Request) => {
      asked.push(String(url));
      return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
    }) as typeof fetch;
    const tile = await tiandituReply(s.dataDir, '/api/basemap/tianditu/vec/14/13669/6329', fake);
    expect(tile.status).toBe(200);
    expect(tile.body!.equals(png)).toBe(true);
    expect(asked).toEqual([
      `https://t6.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=14&TILEROW=6329&TILECOL=13669&tk=${key.toLowerCase()}`,
    ]);
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const offline = await tiandituReply(s.dataDir, '/api/basemap/tianditu/cva/14/13669/6329', down);
    expect(offline.status).toBe(502);
    expect(offline.body!.toString()).toBe('无法连接天地图：请检查网络，或导入离线底图');
    expect((await tiandituReply(s.dataDir, '/api/basemap/tianditu/img/14/1/1', fake)).status).toBe(404);
    expect(setTianditu(ctx, { key: null }).tianditu).toBe(false);
    const details = s.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'territory.tianditu' ORDER BY seq").pluck().all();
    expect(details).toEqual(['{"on":true}', '{"on":false}']);
  });
});

