import { isMainThread } from 'node:worker_threads';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where GridDesk keeps its data unless told otherwise: the same per-user folder Electron's
 * `app.getPath('userData')` gives, so the desktop app and browser mode share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GRIDDESK_DATA_DIR) return env.GRIDDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'GridDesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'GridDesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'GridDesk');
}

/**
 * Files this process creates are for its own account only (0600, folders 0700): the database,
 * its -wal and -shm, keys, job lists, uploads and exports hold residents' data. Set once at
 * start by each program (the desktop app, browser mode, the command line); worker threads share
 * it. Windows has no modes; its per-user folder is private already.
 */
export function keepNewFilesPrivate(): void {
  if (isMainThread && process.platform !== 'win32') process.umask(0o077);
}
