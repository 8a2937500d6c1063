import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BasemapKind, ImportedBasemap } from '../../electron/api/basemap';

/** The imported basemap lives in the data directory, beside the database, not inside it. */
export const BASEMAP_DIR = 'basemap';
const INFO_FILE = 'basemap.json';

/** What `basemap.json` holds: the contract's facts without the address, plus the stored file's id. */
export type StoredBasemap = Omit<ImportedBasemap, 'url'> & { id: string };

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function basemapDir(dataDir: string): string {
  const dir = join(dataDir, BASEMAP_DIR);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function basemapFile(dataDir: string, id: string, kind: BasemapKind): string {
  return join(basemapDir(dataDir), `${id}.${kind}`);
}

/** The window's address of a stored basemap (see `ImportedBasemap.url`). */
export function basemapUrl(stored: Pick<StoredBasemap, 'id' | 'kind'>): string {
  return `/api/basemap/${stored.id}.${stored.kind}`;
}

/** The basemap in use, or null (none imported, or its file is gone). */
export function storedBasemap(dataDir: string): StoredBasemap | null {
  const info = join(dataDir, BASEMAP_DIR, INFO_FILE);
  if (!existsSync(info)) return null;
  try {
    const stored = JSON.parse(readFileSync(info, 'utf8')) as StoredBasemap;
    if (!ID_RE.test(stored.id) || (stored.kind !== 'pmtiles' && stored.kind !== 'mbtiles')) return null;
    return existsSync(basemapFile(dataDir, stored.id, stored.kind)) ? stored : null;
  } catch {
    return null;
  }
}

/**
 * Moves a checked file into the basemap folder under a new id and makes it the one in use (the
 * facts file is replaced by a rename, so a reader sees the old basemap or the new one); the
 * files of earlier basemaps are removed.
 */
export function installBasemap(dataDir: string, from: string, facts: Omit<StoredBasemap, 'id'>): StoredBasemap {
  const stored: StoredBasemap = { ...facts, id: randomUUID() };
  renameSync(from, basemapFile(dataDir, stored.id, stored.kind));
  const tmp = join(basemapDir(dataDir), `${INFO_FILE}.part`);
  writeFileSync(tmp, JSON.stringify(stored), { mode: 0o600 });
  renameSync(tmp, join(basemapDir(dataDir), INFO_FILE));
  sweepBasemaps(dataDir, stored.id);
  return stored;
}

/** Stops using the imported basemap and removes its file; false when there was none. */
export function uninstallBasemap(dataDir: string): boolean {
  const had = storedBasemap(dataDir) !== null;
  rmSync(join(basemapDir(dataDir), INFO_FILE), { force: true });
  sweepBasemaps(dataDir, null);
  return had;
}

/** Removes every basemap file but the one in use (a file still open elsewhere is left for the next time). */
function sweepBasemaps(dataDir: string, keep: string | null): void {
  for (const name of readdirSync(basemapDir(dataDir))) {
    if (name === INFO_FILE || name === TIANDITU_FILE || (keep && name.startsWith(keep))) continue;
    try {
      rmSync(join(basemapDir(dataDir), name), { force: true });
    } catch {
      // Windows keeps an open file; the next import or removal tries again.
    }
  }
}

const TIANDITU_FILE = 'tianditu.json';

/** The office's 天地图 key, kept beside the basemap so the server that fetches the tiles can read it (the page never sees it). */
export function tiandituKey(dataDir: string): string | null {
  try {
    const key = (JSON.parse(readFileSync(join(dataDir, BASEMAP_DIR, TIANDITU_FILE), 'utf8')) as { key?: unknown }).key;
    return typeof key === 'string' && /^[0-9a-f]{32}$/.test(key) ? key : null;
  } catch {
    return null;
  }
}

export function saveTiandituKey(dataDir: string, key: string | null): void {
  const file = join(basemapDir(dataDir), TIANDITU_FILE);
  if (key === null) return rmSync(file, { force: true });
  writeFileSync(`${file}.part`, JSON.stringify({ key }), { mode: 0o600 });
  renameSync(`${file}.part`, file);
}
