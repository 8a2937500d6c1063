import { crc32, deflateSync } from 'node:zlib';
import Database from 'better-sqlite3-multiple-ciphers';
import { zxyToTileId } from 'pmtiles';

/** A PNG of RGB pixels (each row filtered with Sub, so gradients stay small). */
export function pngBytes(width: number, height: number, pixel: (px: number, py: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let py = 0; py < height; py++) {
    const row = py * (width * 3 + 1);
    raw[row] = 1;
    let prev: [number, number, number] = [0, 0, 0];
    for (let px = 0; px < width; px++) {
      const c = pixel(px, py);
      for (let k = 0; k < 3; k++) raw[row + 1 + px * 3 + k] = (c[k]! - prev[k]! + 256) & 255;
      prev = c;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Web Mercator: the global pixel (256-pixel tiles) of a WGS-84 point at a zoom. */
export function mercatorPixel(lng: number, lat: number, z: number): { x: number; y: number } {
  const scale = 256 * 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return { x: ((lng + 180) / 360) * scale, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale };
}

/**
 * The alignment tile: every pixel says where it is — red its column in the tile, green its row,
 * blue the tile's x and y (4 low bits each) — so a colour read off the screen names the exact
 * basemap pixel drawn there.
 */
export function alignmentTile(x: number, y: number): Buffer {
  const blue = ((x & 15) << 4) | (y & 15);
  return pngBytes(256, 256, (px, py) => [px, py, blue]);
}

/** The global pixel an alignment colour stands for, given the tile the reader expects to be near (zoom's tiles wrap every 16 in blue). */
export function decodeAlignment(rgb: [number, number, number], near: { x: number; y: number }): { x: number; y: number } {
  const [r, g, b] = rgb;
  const pick = (low: number, around: number) => around + ((low - (around & 15) + 24) % 16) - 8;
  const tx = pick(b >> 4, Math.floor(near.x / 256));
  const ty = pick(b & 15, Math.floor(near.y / 256));
  return { x: tx * 256 + r, y: ty * 256 + g };
}

/** Tiles (x, y) covering a box at a zoom. */
export function tilesCovering(bounds: { west: number; south: number; east: number; north: number }, z: number): { x: number; y: number }[] {
  const a = mercatorPixel(bounds.west, bounds.north, z);
  const b = mercatorPixel(bounds.east, bounds.south, z);
  const out: { x: number; y: number }[] = [];
  for (let x = Math.floor(a.x / 256); x <= Math.floor(b.x / 256); x++) for (let y = Math.floor(a.y / 256); y <= Math.floor(b.y / 256); y++) out.push({ x, y });
  return out;
}

export interface TileSpec {
  z: number;
  x: number;
  y: number;
  data: Buffer;
}

/** A raster MBTiles file (PNG, TMS rows as the spec has them) holding the given XYZ tiles. */
export function writeMbtiles(path: string, tiles: TileSpec[], bounds: [number, number, number, number]): void {
  const db = new Database(path);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of Object.entries({ name: '测试底图', format: 'png', type: 'baselayer', version: '1', bounds: bounds.join(',') })) meta.run(k, v);
  const put = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const t of tiles) put.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.data);
  })();
  db.close();
}

function varint(n: number, out: number[]): void {
  while (n >= 128) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/**
 * A PMTiles v3 archive assembled to the spec (one uncompressed root directory, no leaves):
 * header, root directory, JSON metadata, tile data.
 */
export function assemblePmtiles(tiles: TileSpec[], options: { tileType: 1 | 2; tileCompression?: 1 | 2; bounds: [number, number, number, number] }): Buffer {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const dir: number[] = [];
  varint(entries.length, dir);
  let last = 0;
  for (const e of entries) {
    varint(e.id - last, dir);
    last = e.id;
  }
  for (let i = 0; i < entries.length; i++) varint(1, dir);
  for (const e of entries) varint(e.data.length, dir);
  // Offsets: the first is written plus one; 0 says "right after the one before".
  for (let i = 0; i < entries.length; i++) varint(i === 0 ? 1 : 0, dir);
  const root = Buffer.from(dir);
  const metadata = Buffer.from('{"name":"测试底图"}');
  const data = Buffer.concat(entries.map((e) => e.data));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header[7] = 3;
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(8, 127);
  u64(16, root.length);
  u64(24, 127 + root.length);
  u64(32, metadata.length);
  u64(40, 127 + root.length + metadata.length);
  u64(48, 0);
  u64(56, 127 + root.length + metadata.length);
  u64(64, data.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  header[96] = 1;
  header[97] = 1;
  header[98] = options.tileCompression ?? 1;
  header[99] = options.tileType;
  header[100] = Math.min(...tiles.map((t) => t.z));
  header[101] = Math.max(...tiles.map((t) => t.z));
  const [w, s, e, n] = options.bounds;
  header.writeInt32LE(Math.round(w * 1e7), 102);
  header.writeInt32LE(Math.round(s * 1e7), 106);
  header.writeInt32LE(Math.round(e * 1e7), 110);
  header.writeInt32LE(Math.round(n * 1e7), 114);
  header[118] = header[101]!;
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123);
  return Buffer.concat([header, root, metadata, data]);
}
