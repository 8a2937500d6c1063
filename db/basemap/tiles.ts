import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BasemapFormat } from '../../electron/api/basemap';
import { basemapFile, storedBasemap, tiandituKey } from './store';

/** One answer of the basemap address: a tile, a byte range of the PMTiles file, or a refusal. */
export interface BasemapReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

const CONTENT_TYPE: Record<BasemapFormat, string> = {
  mvt: 'application/vnd.mapbox-vector-tile',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** Largest answer to a request without a Range header (a PMTiles reader always sends one). */
const WHOLE_FILE_MAX = 16 * 1024 * 1024;
/** Largest range answered at once. */
const RANGE_MAX = 64 * 1024 * 1024;

const text = (status: number, message: string): BasemapReply => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(message) });

/** Read-only connections to MBTiles files, by path; the newest few stay open. */
const open = new Map<string, Database.Database>();

function mbtiles(path: string): Database.Database {
  let db = open.get(path);
  if (!db) {
    db = new Database(path, { readonly: true, fileMustExist: true });
    open.set(path, db);
    for (const [other, conn] of open) {
      if (open.size <= 2) break;
      if (other !== path) {
        conn.close();
        open.delete(other);
      }
    }
  }
  return db;
}

/** Closes every MBTiles connection (before its file is replaced, and at shutdown). */
export function closeBasemapReaders(): void {
  for (const db of open.values()) db.close();
  open.clear();
}

function readRange(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const read = readSync(fd, buf, 0, length, start);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Answers `/api/basemap/<id>.mbtiles/<z>/<x>/<y>` with one tile (XYZ asked, the file's TMS rows
 * read: y flipped) and `/api/basemap/<id>.pmtiles` with the bytes of its Range. An id that is
 * not the basemap in use is 404, so a window still showing a replaced one sees no stale tiles.
 */
export function basemapReply(dataDir: string, pathname: string, range: string | undefined): BasemapReply {
  const m = /^\/api\/basemap\/([0-9a-f-]{36})\.(pmtiles|mbtiles)(?:\/(\d{1,2})\/(\d{1,8})\/(\d{1,8}))?$/.exec(pathname);
  if (!m) return text(404, '没有这个底图地址');
  const stored = storedBasemap(dataDir);
  if (!stored || stored.id !== m[1] || stored.kind !== m[2]) return text(404, '这份底图已被替换或移除，请刷新地图');
  const path = basemapFile(dataDir, stored.id, stored.kind);
  const cache = { 'cache-control': 'private, max-age=86400, immutable' };
  if (stored.kind === 'mbtiles') {
    if (m[3] === undefined) return text(404, '请按 /{z}/{x}/{y} 取瓦片');
    const z = Number(m[3]);
    const x = Number(m[4]);
    const y = Number(m[5]);
    if (x >= 2 ** z || y >= 2 ** z) return text(400, '瓦片编号超出该级别的范围');
    const row = mbtiles(path)
      .prepare<[number, number, number], { tile_data: Buffer }>('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
      .get(z, x, 2 ** z - 1 - y);
    // A tile the file does not have: an empty answer the map shows as nothing.
    if (!row) return { status: 204, headers: cache, body: null };
    return { status: 200, headers: { ...cache, 'content-type': CONTENT_TYPE[stored.format] }, body: row.tile_data };
  }
  if (m[3] !== undefined) return text(404, 'PMTiles 底图按字节范围读取，没有单独的瓦片地址');
  const size = statSync(path).size;
  const common = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', etag: `"${stored.id}"`, ...cache };
  if (range === undefined) {
    if (size > WHOLE_FILE_MAX) return { status: 416, headers: { ...common, 'content-range': `bytes */${size}` }, body: null };
    return { status: 200, headers: { ...common, 'content-length': String(size) }, body: readRange(path, 0, size) };
  }
  const r = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
  const start = r ? Number(r[1]) : NaN;
  const end = r && r[2] !== '' ? Math.min(Number(r[2]), size - 1) : size - 1;
  if (!r || start >= size || end < start) return { status: 416, headers: { ...common, 'content-range': `bytes */${size}` }, body: null };
  const length = end - start + 1;
  if (length > RANGE_MAX) return { status: 416, headers: { ...common, 'content-range': `bytes */${size}` }, body: null };
  const body = readRange(path, start, length);
  return { status: 206, headers: { ...common, 'content-range': `bytes ${start}-${start + body.length - 1}/${size}`, 'content-length': String(body.length) }, body };
}

const TIANDITU_LAYERS = new Set(['vec', 'cva']);

/**
 * Answers `/api/basemap/tianditu/<vec|cva>/<z>/<x>/<y>` by fetching the tile from 天地图 with the
 * office's key: the window asks only its own server (its CSP allows nothing else), and the key
 * stays here. 404 without a key; 502 with a Chinese message when 天地图 cannot be reached.
 */
export async function tiandituReply(dataDir: string, pathname: string, fetcher: typeof fetch = fetch): Promise<BasemapReply> {
  const m = /^\/api\/basemap\/tianditu\/(\w{3})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})$/.exec(pathname);
  if (!m || !TIANDITU_LAYERS.has(m[1]!)) return text(404, '没有这个底图地址');
  const key = tiandituKey(dataDir);
  if (!key) return text(404, '没有设置天地图密钥');
  const [layer, z, x, y] = [m[1]!, Number(m[2]), Number(m[3]), Number(m[4])];
  const host = `t${(x + y) % 8}.tianditu.gov.cn`;
  const url = `https://${host}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${key}`;
  try {
    const reply = await fetcher(url, { signal: AbortSignal.timeout(10_000) });
    if (!reply.ok) return text(502, `天地图返回 ${reply.status}：请检查密钥是否有效、是否已绑定本机`);
    return { status: 200, headers: { 'content-type': reply.headers.get('content-type') ?? 'image/png', 'cache-control': 'private, max-age=86400' }, body: Buffer.from(await reply.arrayBuffer()) };
  } catch {
    return text(502, '无法连接天地图：请检查网络，或导入离线底图');
  }
}
