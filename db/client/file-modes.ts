import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Only the account GridDesk runs as may read or write what is in the data directory. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** chmod that gives up quietly where modes mean nothing (Windows) or the file is not ours. */
function chmodQuietly(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    /* not supported here, or not the owner: nothing more to do */
  }
}

/** Creates the folder (and its parents) for the owner only; an existing one is narrowed to that. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodQuietly(dir, PRIVATE_DIR_MODE);
}

/** Narrows the file to its owner, if it exists. */
export function makePrivate(file: string): void {
  if (existsSync(file)) chmodQuietly(file, PRIVATE_FILE_MODE);
}

/**
 * Creates an empty file readable by its owner only, unless it exists. SQLite gives the -wal,
 * -shm and -journal it creates later the mode of the database file, so they follow.
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodQuietly(file, PRIVATE_FILE_MODE);
}

function hasGroupOrOtherAccess(path: string): boolean {
  try {
    return (lstatSync(path).mode & 0o077) !== 0;
  } catch {
    return false; // gone meanwhile
  }
}

/**
 * Narrows a folder and everything under it: folders 0700, files 0600. Symbolic links, sockets
 * and the like are left alone (a link is never followed out of the folder).
 */
export function tightenTree(dir: string): void {
  if (!existsSync(dir)) return;
  chmodQuietly(dir, PRIVATE_DIR_MODE);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tightenTree(path);
    else if (entry.isFile() && hasGroupOrOtherAccess(path)) chmodQuietly(path, PRIVATE_FILE_MODE);
  }
}
