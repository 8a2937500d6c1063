import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { COMPANION_SUFFIXES } from '../client/open';

/** Where the backups of a data directory live. */
export const BACKUP_DIR = 'backups';
/** Files moved out of the way (corrupt, or replaced by a restore). Nothing here is ever deleted. */
export const SET_ASIDE_DIR = 'set-aside';

export const BACKUP_REASONS = ['auto', 'manual', 'pre-restore', 'pre-migrate'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string;
  /** File name only, as shown to the user. */
  name: string;
  /** When it was made (ms since epoch), read from the name, so the file's mtime does not matter. */
  createdAt: number;
  size: number;
  reason: BackupReason;
  /** Whether the file is encrypted (its first bytes are not the SQLite header); no key needed. */
  encrypted: boolean;
}

export { COMPANION_SUFFIXES } from '../client/open';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

export function setAsideDir(dataDir: string): string {
  return join(dataDir, SET_ASIDE_DIR);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDD-HHmmss` in local time: the stamp in backup and set-aside file names. */
export function fileStamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/** `griddesk-YYYYMMDD-HHmmss-<reason>[-N].db`; N tells apart two backups made in the same second. */
export function backupName(at: Date, reason: BackupReason, seq = 1): string {
  return `griddesk-${fileStamp(at)}-${reason}${seq > 1 ? `-${seq}` : ''}.db`;
}

const NAME = /^griddesk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|manual|pre-restore|pre-migrate)(?:-(\d+))?\.db$/;
/** What `openDatabase` writes before a migration: `griddesk-before-v<N>-<ISO time with - for : and .>.db`. */
const MIGRATION_COPY = /^griddesk-before-v\d+-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/** Reason and time encoded in a backup's file name, or null when the name is not one of ours. */
export function parseBackupName(name: string): { createdAt: number; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    const at = new Date(y, mo - 1, d, h, mi, s);
    if (Number.isNaN(at.getTime()) || at.getMonth() !== mo - 1 || at.getDate() !== d) return null;
    return { createdAt: at.getTime(), reason: m[7] as BackupReason };
  }
  const legacy = MIGRATION_COPY.exec(name);
  if (legacy) {
    const [y, mo, d, h, mi, s, ms] = legacy.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
    const at = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    return Number.isNaN(at) ? null : { createdAt: at, reason: 'pre-migrate' };
  }
  return null;
}

/** The temporary name a backup is written under until it is complete and verified. */
export function partialName(finalName: string): string {
  return `.${finalName}.partial`;
}

/**
 * Whether the file starts with the plain SQLite header. An encrypted (SQLCipher 4) file starts
 * with its random salt instead; an empty or missing file is neither, and reports false.
 */
export function hasPlainSqliteHeader(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return n === buf.length && buf.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file to disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory entry (a rename) to disk; not possible on Windows, where it is skipped. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* some file systems refuse fsync on a directory; the rename itself has happened */
  }
}

/** `base` if free, else `base` with `-2`, `-3`… before the extension: nothing is overwritten. */
export function freeName(dir: string, stem: string, ext: string): string {
  for (let i = 1; ; i++) {
    const name = `${stem}${i > 1 ? `-${i}` : ''}${ext}`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}-wal`))) return name;
  }
}

/**
 * Moves a database file and its companions (-wal, -shm, -journal) to `target` (+ the same
 * suffixes). All or nothing: if one move fails, the ones already made are moved back.
 */
export function moveDatabaseFiles(source: string, target: string): string[] {
  const moves = ['', ...COMPANION_SUFFIXES]
    .filter((suffix) => existsSync(`${source}${suffix}`))
    .map((suffix) => ({ from: `${source}${suffix}`, to: `${target}${suffix}` }));
  const done: typeof moves = [];
  try {
    for (const move of moves) {
      if (existsSync(move.to)) throw new Error(`${basename(move.to)} 已存在，不能覆盖`);
      renameSync(move.from, move.to);
      done.push(move);
    }
  } catch (err) {
    for (const move of done.reverse()) {
      try {
        renameSync(move.to, move.from);
      } catch {
        /* leave it where it is: both places are inside the data directory, nothing is lost */
      }
    }
    throw err;
  }
  return moves.map((m) => m.to);
}
