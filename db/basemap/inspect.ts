import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { bytesToHeader, TileType } from 'pmtiles';
import type { BasemapFormat, BasemapKind } from '../../electron/api/basemap';
import { ServiceError } from '../errors';

/** What an offline basemap file holds, read from its header (PMTiles) or its metadata table (MBTiles). */
export interface BasemapFacts {
  kind: BasemapKind;
  format: BasemapFormat;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in WGS-84, or null when the file does not say. */
  bounds: [number, number, number, number] | null;
}

const PMTILES_HEADER = 127;
const SQLITE_MAGIC = 'SQLite format 3\0';

function head(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const read = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const PMTILES_TYPES: Partial<Record<TileType, BasemapFormat>> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
};

function inspectPmtiles(name: string, size: number, bytes: Buffer): BasemapFacts {
  if (bytes.length < PMTILES_HEADER) throw new ServiceError('INVALID_INPUT', 'basemap.truncated', { file: name, what: 'PMTiles 文件头' }, 'fileId');
  const header = bytesToHeader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + PMTILES_HEADER) as ArrayBuffer);
  if (header.specVersion !== 3) throw new ServiceError('INVALID_INPUT', 'basemap.pmtilesVersion', { file: name, version: header.specVersion }, 'fileId');
  const ends = [
    ['根目录', header.rootDirectoryOffset + header.rootDirectoryLength],
    ['元数据', header.jsonMetadataOffset + header.jsonMetadataLength],
    ['瓦片数据', header.tileDataOffset + (header.tileDataLength ?? 0)],
  ] as const;
  for (const [what, end] of ends) {
    if (end > size) throw new ServiceError('INVALID_INPUT', 'basemap.truncated', { file: name, what }, 'fileId');
  }
  const format = PMTILES_TYPES[header.tileType];
  if (!format) throw new ServiceError('INVALID_INPUT', 'basemap.tileType', { file: name, type: String(header.tileType) }, 'fileId');
  if (format === 'mvt' && header.tileCompression !== 1 && header.tileCompression !== 2) {
    throw new ServiceError('INVALID_INPUT', 'basemap.tileType', { file: name, type: `compression ${header.tileCompression}` }, 'fileId');
  }
  const bounds: BasemapFacts['bounds'] = header.minLon < header.maxLon && header.minLat < header.maxLat ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null;
  return { kind: 'pmtiles', format, minZoom: header.minZoom, maxZoom: header.maxZoom, bounds };
}

const MBTILES_FORMATS: Record<string, BasemapFormat> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp' };

function inspectMbtiles(path: string, name: string): BasemapFacts {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new ServiceError('INVALID_INPUT', 'basemap.badMbtiles', { file: name, reason: (err as Error).message }, 'fileId');
  }
  try {
    const meta = new Map<string, string>();
    let tiles: { z0: number | null; z1: number | null } | undefined;
    try {
      for (const row of db.prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata').all()) meta.set(row.name, row.value);
      tiles = db.prepare<[], { z0: number | null; z1: number | null }>('SELECT min(zoom_level) AS z0, max(zoom_level) AS z1 FROM tiles').get();
    } catch (err) {
      // A SQLite file that is cut short or is not MBTiles (no metadata or tiles table).
      const reason = (err as Error).message;
      if (/malformed|not a database|disk image/i.test(reason)) throw new ServiceError('INVALID_INPUT', 'basemap.truncated', { file: name, what: 'SQLite 数据库' }, 'fileId');
      throw new ServiceError('INVALID_INPUT', 'basemap.badMbtiles', { file: name, reason }, 'fileId');
    }
    const declared = (meta.get('format') ?? 'png').toLowerCase();
    const format = MBTILES_FORMATS[declared];
    if (!format) throw new ServiceError('INVALID_INPUT', 'basemap.tileType', { file: name, type: declared }, 'fileId');
    if (!tiles || tiles.z0 === null || tiles.z1 === null) throw new ServiceError('INVALID_INPUT', 'basemap.noTiles', { file: name }, 'fileId');
    const b = (meta.get('bounds') ?? '').split(',').map(Number);
    const bounds: BasemapFacts['bounds'] = b.length === 4 && b.every(Number.isFinite) && b[0]! < b[2]! && b[1]! < b[3]! ? [b[0]!, b[1]!, b[2]!, b[3]!] : null;
    return { kind: 'mbtiles', format, minZoom: tiles.z0, maxZoom: tiles.z1, bounds };
  } finally {
    db.close();
  }
}

/**
 * Tells a PMTiles file (magic `PMTiles`, spec version 3) from a raster MBTiles file (a SQLite
 * database with `metadata` and `tiles`) by its bytes, whatever its name; anything else, and a
 * file cut short, is refused naming the file.
 */
export function inspectBasemap(path: string, name: string): BasemapFacts {
  const size = statSync(path).size;
  if (size === 0) throw new ServiceError('INVALID_INPUT', 'basemap.notTiles', { file: name }, 'fileId');
  const bytes = head(path, 16_384);
  if (bytes.subarray(0, 7).toString('latin1') === 'PMTiles') return inspectPmtiles(name, size, bytes);
  if (bytes.subarray(0, 16).toString('latin1') === SQLITE_MAGIC) {
    // The header's page size × page count is the database's length: less on disk means it was cut.
    const pageSize = bytes.length >= 32 ? (bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16)) : 0;
    const pages = bytes.length >= 32 ? bytes.readUInt32BE(28) : 0;
    if (bytes.length < 100 || pageSize * pages > size) throw new ServiceError('INVALID_INPUT', 'basemap.truncated', { file: name, what: 'SQLite 数据库' }, 'fileId');
    return inspectMbtiles(path, name);
  }
  if (bytes.length < 7 && 'PMTiles'.startsWith(bytes.toString('latin1'))) throw new ServiceError('INVALID_INPUT', 'basemap.truncated', { file: name, what: 'PMTiles 文件头' }, 'fileId');
  throw new ServiceError('INVALID_INPUT', 'basemap.notTiles', { file: name }, 'fileId');
}
