import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { anchorBeforeBackup } from '../audit/anchors';
import { createPrivateFile, ensurePrivateDir } from '../client/file-modes';
import { ServiceError } from '../errors';
import { recordChecked } from './checked';
import { quickCheck, verifyBackup } from './list';
import { backupDir, backupName, freeName, fsyncDir, fsyncFile, hasPlainSqliteHeader, partialName, type BackupInfo, type BackupReason } from './paths';

/*
 * How a backup is made, and why not always with `sqlite.backup()`.
 *
 * Tried with better-sqlite3-multiple-ciphers 13.0.3 (SQLite 3.53.4, SQLite3 Multiple Ciphers
 * 2.4.0) on an encrypted connection (cipher=sqlcipher, legacy=4, raw key):
 *
 * - `sqlite.backup('new.db')` does NOT write a plaintext copy: it throws "backup is not supported
 *   with incompatible source and target databases". SQLite3MC patches `sqlite3_backup_init` to
 *   allow a backup only between two plain databases or two encrypted ones with the same page
 *   size and reserved bytes, and better-sqlite3 opens the destination on a fresh handle with no
 *   key. It leaves an empty `new.db` behind (0 bytes), which we remove.
 * - The destination cannot be given a key: better-sqlite3 is built with SQLITE_USE_URI=0 and
 *   opens the destination without SQLITE_OPEN_URI, so `file:x.db?cipher=sqlcipher&legacy=4&hexkey=…`
 *   is not parsed. An absolute `file:/dir/x.db?…` is refused by the JS wrapper (its dirname
 *   "file:/dir" does not exist); a relative `file:x.db?…hexkey=…` creates a file literally named
 *   that in the working directory — the key in a file name — and is then refused as above.
 *   Never pass a URI to `backup()`.
 * - Backing up into a file created beforehand with the key fails the same way: the key belongs
 *   to a connection, not to the file, and the destination handle has none.
 *
 * So for an encrypted database the copy is made with `VACUUM INTO ?` on the same connection.
 * SQLite3MC attaches the target like an `ATTACH` without KEY, which uses the main database's key
 * and cipher: the target's pages (and its rollback journal) are encrypted as they are written,
 * and no plaintext page touches the disk (strace shows only the target and its journal being
 * opened; no temp files). The result is a consistent snapshot including what is still in the
 * WAL, compacted, in rollback-journal mode (one self-contained file). `sqlite3` cannot read it
 * ("file is not a database"). It is synchronous: ~0.2 s for the 20 MB "large" demo street.
 *
 * A plain (unencrypted) database is copied with SQLite's online backup API, `sqlite.backup()`,
 * page by page without blocking the event loop; the copy is as plain as its source.
 *
 * Before anything is copied the database itself must pass `PRAGMA quick_check`: a copy of a
 * damaged database is no backup, and would push good ones out. Either way the copy is written
 * (0600) under a hidden `.….partial` name, verified (opened read-only with the key, quick_check,
 * application_id), flushed, renamed into place and recorded as checked (`checked.json`).
 */

export interface CreateBackupOptions {
  dataDir: string;
  /** The database key. Required when the database is encrypted; absent when it is plain. */
  key?: Buffer;
  reason: BackupReason;
  /** Time the backup is named after (tests); defaults to the current time. */
  now?: Date;
}

export type BackupMethod = 'vacuum-into' | 'backup-api';

/** Writes `<dataDir>/backups/griddesk-YYYYMMDD-HHmmss-<reason>.db`, encrypted like the database. */
export async function createBackup(sqlite: Database.Database, options: CreateBackupOptions): Promise<BackupInfo & { method: BackupMethod }> {
  const source = sqlite.name;
  if (sqlite.memory || !source || !existsSync(source)) throw new ServiceError('DATABASE', 'backup.notOnDisk', {});
  if (!sqlite.open) throw new ServiceError('DATABASE', 'backup.closed', {});
  if (sqlite.inTransaction) throw new ServiceError('CONFLICT', 'backup.inTransaction', {});
  const encrypted = !hasPlainSqliteHeader(source);
  if (encrypted && !options.key) throw new ServiceError('DATABASE', 'backup.keyNeeded', {});
  if (!encrypted && options.key) throw new ServiceError('DATABASE', 'backup.keyUnexpected', {});
  refuseDamagedSource(sqlite);

  anchorBeforeBackup(sqlite, options.dataDir);
  const dir = backupDir(options.dataDir);
  ensurePrivateDir(dir);
  const at = options.now ?? new Date();
  const base = backupName(at, options.reason);
  const name = freeName(dir, base.slice(0, -'.db'.length), '.db');
  const file = join(dir, name);
  const partial = join(dir, partialName(name));
  rmSync(partial, { force: true });
  // VACUUM INTO and the backup API write into an empty file as they find it, mode included.
  createPrivateFile(partial);

  let method: BackupMethod;
  let placed = false;
  try {
    if (encrypted) {
      method = 'vacuum-into';
      sqlite.prepare('VACUUM INTO ?').run(partial);
    } else {
      method = 'backup-api';
      await sqlite.backup(partial);
      // The online backup copies page 1 as it is, WAL flag included; a backup should be one
      // self-contained file that opens read-only without creating -wal/-shm beside it.
      const copy = new Database(partial, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    }
    if (encrypted && hasPlainSqliteHeader(partial)) {
      throw new ServiceError('DATABASE', 'backup.notEncrypted', {});
    }
    const check = verifyBackup(partial, options.key);
    if (!check.ok) throw new ServiceError('DATABASE', 'backup.checkFailed', { problem: check.message });
    fsyncFile(partial);
    renameSync(partial, file);
    placed = true;
    fsyncDir(dir);
    recordChecked(options.dataDir, { name, size: statSync(file).size }, at);
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError('DATABASE', 'backup.failed', { error: (err as Error).message });
  } finally {
    if (!placed) rmSync(partial, { force: true });
  }
  return { file, name, createdAt: backupAtSecond(at), size: statSync(file).size, reason: options.reason, encrypted, method };
}

/** Refuses to copy a database that fails `PRAGMA quick_check` (or cannot even be read). */
function refuseDamagedSource(sqlite: Database.Database): void {
  let problems: string[];
  try {
    problems = quickCheck(sqlite, 5);
  } catch (err) {
    problems = [`${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`];
  }
  if (problems.length > 0) throw new ServiceError('DATABASE', 'backup.sourceDamaged', { problems: problems.join('；') });
}

/** The time as the name records it (whole seconds), so `createBackup` and `listBackups` agree. */
function backupAtSecond(at: Date): number {
  return Math.floor(at.getTime() / 1000) * 1000;
}
