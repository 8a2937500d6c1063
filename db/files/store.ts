import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../errors';
import type { Actor } from '../auth/roles';

/** Files that cross the contract (uploads, exports, reports) live here, by id, never by a caller's path. */
export const FILES_DIR = 'files';
/** A stored file is removed this long after it was made: it is a hand-over, not an archive. */
export const FILE_TTL_MS = 24 * 60 * 60 * 1000;

export const FILE_KINDS = ['upload', 'export', 'report'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface StoredFile {
  id: string;
  /** The name the user sees and saves as (an upload keeps the name it came with). */
  name: string;
  size: number;
  kind: FileKind;
  /** The account it belongs to; only that account may read it. */
  ownerId: string;
  createdAt: number;
}

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function filesDir(dataDir: string): string {
  const dir = join(dataDir, FILES_DIR);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

const dataPath = (dataDir: string, id: string) => join(filesDir(dataDir), `${id}.bin`);
const metaPath = (dataDir: string, id: string) => join(filesDir(dataDir), `${id}.json`);

/**
 * A name safe to show and to offer in a save dialog: no folders, no control or direction-changing
 * characters (which can disguise an extension), not `.` or `..`, at most 160 characters.
 */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').split(/[\\/]/).pop()!.trim();
  const named = base.replace(/^\.+$/, '') || '未命名文件';
  return [...named].slice(0, 160).join('');
}

/**
 * Reserves a new file: returns its id and the path to write (0600). Call `commitFile` once the
 * bytes are complete; until then the file is invisible, and `discardFile` removes it.
 */
export function reserveFile(dataDir: string): { id: string; path: string } {
  const id = randomUUID();
  return { id, path: join(filesDir(dataDir), `${id}.part`) };
}

export function commitFile(dataDir: string, id: string, meta: Omit<StoredFile, 'id' | 'size' | 'createdAt'> & { createdAt?: number }): StoredFile {
  const part = join(filesDir(dataDir), `${id}.part`);
  const file: StoredFile = {
    id,
    name: cleanFileName(meta.name),
    size: statSync(part).size,
    kind: meta.kind,
    ownerId: meta.ownerId,
    createdAt: meta.createdAt ?? Date.now(),
  };
  writeFileSync(metaPath(dataDir, id), JSON.stringify(file), { mode: 0o600 });
  renameSync(part, dataPath(dataDir, id));
  return file;
}

export function discardFile(dataDir: string, id: string): void {
  for (const p of [join(filesDir(dataDir), `${id}.part`), dataPath(dataDir, id), metaPath(dataDir, id)]) rmSync(p, { force: true });
}

/**
 * A stored file the actor may read, with its path; refused in Chinese otherwise. Another
 * account's file is answered exactly like one that does not exist, so ids cannot be probed.
 */
export function openStoredFile(dataDir: string, id: string, actor: Pick<Actor, 'id'>): StoredFile & { path: string } {
  const meta = ID_RE.test(id) && existsSync(metaPath(dataDir, id)) ? (JSON.parse(readFileSync(metaPath(dataDir, id), 'utf8')) as StoredFile) : null;
  if (!meta || !existsSync(dataPath(dataDir, id)) || meta.ownerId !== actor.id) {
    throw new ServiceError('NOT_FOUND', 'file.missing', {}, 'fileId');
  }
  return { ...meta, path: dataPath(dataDir, id) };
}

/** Removes files older than the TTL and parts left by an interrupted upload or export. */
export function sweepFiles(dataDir: string, now = Date.now()): number {
  const dir = filesDir(dataDir);
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const age = now - statSync(full).mtimeMs;
    if (age > FILE_TTL_MS || (name.endsWith('.part') && age > 60 * 60 * 1000)) {
      rmSync(full, { force: true });
      removed++;
    }
  }
  return removed;
}
