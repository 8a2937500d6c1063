import type Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { applyKey } from '../client/cipher';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../client/file-modes';
import { databaseFile } from '../host';
import { listBackups, quickCheck, verifyBackup, withReadOnly } from './list';
import { COMPANION_SUFFIXES, fileStamp, freeName, hasPlainSqliteHeader, moveDatabaseFiles, setAsideDir, type BackupInfo } from './paths';

/**
 * Unclean-exit detection and what follows it. `griddesk.lock` exists exactly while a process has
 * the database open: `markOpen` after opening, `markClosed` after a clean close. Finding it at
 * start (and its process gone) means the last run ended without closing — crash, kill, power
 * cut — and the database gets a `PRAGMA quick_check` before it is used. A corrupt database is
 * moved to `set-aside/` with a note (never deleted) and the newest good backup is offered.
 */
export const LOCK_FILE = 'griddesk.lock';

export interface LockInfo {
  pid: number;
  /** ISO time the database was opened. */
  openedAt: string;
  hostname: string;
}

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

/** Records that this process has the database open (written to a temp file, then renamed). */
export function markOpen(dataDir: string, now: Date = new Date()): void {
  ensurePrivateDir(dataDir);
  const info: LockInfo = { pid: process.pid, openedAt: now.toISOString(), hostname: hostname() };
  const tmp = `${lockPath(dataDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, lockPath(dataDir));
}

/** Records a clean close. Call after the database connection has been closed. */
export function markClosed(dataDir: string): void {
  rmSync(lockPath(dataDir), { force: true });
}

/** The lock as written, or null when there is none. An unreadable lock reads as pid 0. */
export function readLock(dataDir: string): LockInfo | null {
  const file = lockPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return { pid: Number(parsed.pid) || 0, openedAt: String(parsed.openedAt ?? ''), hostname: String(parsed.hostname ?? '') };
  } catch {
    return { pid: 0, openedAt: '', hostname: '' };
  }
}

function isAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * Whether the previous run ended without `markClosed`. Call BEFORE this process's `markOpen`.
 * A lock whose process is still running on this computer is another GridDesk that has the
 * database open right now — not an unclean exit (see `lockHeldByOtherProcess`).
 */
export function wasUncleanExit(dataDir: string): boolean {
  const lock = readLock(dataDir);
  return !!lock && !lockHeldByOtherProcess(lock);
}

/** The lock belongs to another live process on this computer (a second instance is running). */
export function lockHeldByOtherProcess(lock: LockInfo | null): boolean {
  return !!lock && lock.pid !== process.pid && lock.hostname === hostname() && isAlive(lock.pid);
}

export type DatabaseCheck =
  | { ok: true; problems: [] }
  | {
      ok: false;
      /** What quick_check reported, or the error that stopped it. */
      problems: string[];
      /**
       * Page 1 could not be read at all ("file is not a database"): with encryption that is
       * either corruption of the first page or the wrong key, which cannot be told apart here.
       */
      unreadable: boolean;
    };

/** Runs `PRAGMA quick_check` on an open connection; a read error counts as a problem. */
export function checkDatabase(sqlite: Database.Database): DatabaseCheck {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, problems: [`${code ?? 'ERROR'}: ${(err as Error).message}`], unreadable: code === 'SQLITE_NOTADB' };
  }
  try {
    const problems = quickCheck(sqlite, 20);
    return problems.length === 0 ? { ok: true, problems: [] } : { ok: false, problems, unreadable: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, problems: [`${code ?? 'ERROR'}: ${(err as Error).message}`], unreadable: false };
  }
}

/**
 * Reads page 1 of a file (with the key) through its own read-only connection: the problem, or
 * null when it reads. A plain SQLite file given a key is left to `openDatabase`, which names it.
 */
function firstPageProblem(file: string, key?: Buffer): string | null {
  if (key && hasPlainSqliteHeader(file)) return null;
  try {
    return withReadOnly(file, (sqlite) => {
      if (key) applyKey(sqlite, key);
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      return null;
    });
  } catch (err) {
    return `${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`;
  }
}

/**
 * `checkDatabase` on a file, through its own read-only connection: nothing is written, not even
 * a WAL checkpoint on close, so a corrupt file is set aside exactly as the crash left it.
 */
export function checkDatabaseFile(file: string, key?: Buffer): DatabaseCheck {
  try {
    return withReadOnly(file, (sqlite) => {
      if (key) applyKey(sqlite, key);
      return checkDatabase(sqlite);
    });
  } catch (err) {
    return { ok: false, problems: [(err as Error).message], unreadable: true };
  }
}

export interface SetAsideResult {
  /** Where `griddesk.db` went (its companions beside it), or null if there was nothing to move. */
  setAsideAs: string | null;
  files: string[];
  /** The note saying why. */
  noteFile: string | null;
}

/**
 * Moves `griddesk.db` and its -wal/-shm/-journal to `set-aside/griddesk-<stamp>-corrupt.db…`
 * with a note `….db.txt` giving the reason. Never deletes. No connection may be open on it.
 */
export function setAsideCorrupt(dataDir: string, why: string, now: Date = new Date()): SetAsideResult {
  const file = databaseFile(dataDir);
  if (!['', ...COMPANION_SUFFIXES].some((suffix) => existsSync(`${file}${suffix}`))) return { setAsideAs: null, files: [], noteFile: null };
  const dir = setAsideDir(dataDir);
  ensurePrivateDir(dir);
  const setAsideAs = join(dir, freeName(dir, `griddesk-${fileStamp(now)}-corrupt`, '.db'));
  const sizes = ['', ...COMPANION_SUFFIXES]
    .filter((suffix) => existsSync(`${file}${suffix}`))
    .map((suffix) => `  griddesk.db${suffix}：${statSync(`${file}${suffix}`).size} 字节`);
  const files = moveDatabaseFiles(file, setAsideAs);
  const noteFile = `${setAsideAs}.txt`;
  writeFileSync(
    noteFile,
    [
      `GridDesk 在 ${now.toLocaleString('zh-CN', { hour12: false })} 发现数据库损坏，已把它移到这里（不会自动删除）。`,
      `原因：${why}`,
      `原位置：${file}`,
      '移走的文件：',
      ...sizes,
      `进程：${process.pid}，电脑：${hostname()}`,
      '',
    ].join('\n'),
    { mode: PRIVATE_FILE_MODE },
  );
  return { setAsideAs, files, noteFile };
}

/** The newest backup that opens with the key and passes quick_check, or null. */
export function newestGoodBackup(dataDir: string, key?: Buffer): (BackupInfo & { message: string }) | null {
  for (const info of listBackups(dataDir)) {
    if (info.encrypted !== !!key) continue;
    const check = verifyBackup(info.file, key);
    if (check.ok) return { ...info, message: check.message };
  }
  return null;
}

export type StartupCheckResult =
  /** The last run closed cleanly (no check needed), or `force` was not given and there is no lock. */
  | { status: 'clean' }
  /** No database file: first run, or it was set aside earlier. `offer` is the newest good backup. */
  | { status: 'missing'; offer: (BackupInfo & { message: string }) | null }
  /** Unclean exit, and quick_check found nothing wrong. */
  | { status: 'ok' }
  /**
   * The first page cannot be read: the file is left where it is, untouched. Show the problems
   * and `offer`; do not open it. With an unclean exit this means no backup opens with the key
   * either (a wrong key cannot be ruled out); after a clean exit `offer` is the newest backup
   * that opens with this key, proving the key right and the file damaged.
   */
  | { status: 'unreadable'; problems: string[]; offer: (BackupInfo & { message: string }) | null }
  /** Corrupt: moved to set-aside. Offer `offer` (if any) for restore. */
  | { status: 'corrupt'; problems: string[]; setAside: SetAsideResult; offer: (BackupInfo & { message: string }) | null };

export interface StartupCheckOptions {
  dataDir: string;
  /** The database key (absent for a plain database). */
  key?: Buffer;
  /** Check even when the last exit was clean. */
  force?: boolean;
  now?: Date;
}

/**
 * What to do at start, before the database is opened for use. Run it before `markOpen`, with no
 * connection open on the database.
 */
export function startupCheck(options: StartupCheckOptions): StartupCheckResult {
  const { dataDir, key } = options;
  const file = databaseFile(dataDir);
  if (!existsSync(file) || statSync(file).size === 0) {
    return { status: 'missing', offer: listBackups(dataDir).length > 0 ? newestGoodBackup(dataDir, key) : null };
  }
  if (!options.force && !wasUncleanExit(dataDir)) {
    // Closed cleanly, so no full check before opening; but damage to page 1 would otherwise
    // read as a wrong key. The background check after opening covers the other pages.
    const problem = firstPageProblem(file, key);
    return problem ? { status: 'unreadable', problems: [problem], offer: newestGoodBackup(dataDir, key) } : { status: 'clean' };
  }
  const check = checkDatabaseFile(file, key);
  if (check.ok) return { status: 'ok' };
  const offer = newestGoodBackup(dataDir, key);
  // Unreadable first page: only a key that opens a backup of this database proves the key right.
  if (check.unreadable && !(key && offer)) return { status: 'unreadable', problems: check.problems, offer: null };
  const setAside = setAsideCorrupt(dataDir, `完整性检查未通过：${check.problems.join('；')}`, options.now);
  return { status: 'corrupt', problems: check.problems, setAside, offer };
}
