import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, copyFileSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { drizzleOver, type GridDb } from './drizzle';
import { DatabaseOpenError } from '../errors';
import { applyMigrations, loadMigrations, schemaVersion } from './migrate';
import { beginImmediately } from './immediate';
import { migrationsDir } from './app-root';
import { applyKey } from './cipher';
import { createPrivateFile, ensurePrivateDir, makePrivate } from './file-modes';

/** The files SQLite may keep beside a database; they belong to it and move with it. */
export const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** `PRAGMA application_id` of every GridDesk database: "GDSK". */
export const APPLICATION_ID = 0x4744534b;
const SQLITE_HEADER = 'SQLite format 3\0';

export type { GridDb };

export interface OpenedDatabase {
  file: string;
  sqlite: Database.Database;
  db: GridDb;
  /** Migrations applied by this open (0 when the file was current). */
  migrated: number;
  /** Where the pre-migration copy went, if one was made. */
  backupFile?: string;
  schemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  file: string;
  /** 32-byte database key; the file is then encrypted (SQLCipher 4 format). */
  key?: Buffer;
  /** Folder with the drizzle migrations; defaults to the shipped `db/migrations`. */
  migrations?: string;
  readonly?: boolean;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** Copies the file (after folding the WAL back into it) so a failed upgrade can be undone by hand. */
function backupBeforeMigrate(sqlite: Database.Database, file: string, fromVersion: number): string {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const dir = join(dirname(file), 'backups');
  ensurePrivateDir(dir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${basename(file, '.db')}-before-v${fromVersion + 1}-${stamp}.db`);
  copyFileSync(file, target);
  makePrivate(target);
  return target;
}

/**
 * A new database file and its folder are created readable by their owner only (SQLite gives the
 * -wal and -shm it makes later the database file's mode).
 */
function createPrivately(file: string): void {
  ensurePrivateDir(dirname(file));
  createPrivateFile(file);
}

/** Narrows a file found to be ours, and its companions, as an older version may have left them. */
function narrowExisting(file: string): void {
  for (const suffix of ['', ...COMPANION_SUFFIXES]) makePrivate(`${file}${suffix}`);
}

/** With a key, SQLite says only "not a database": tell another program's plain file from damage. */
function plainFileProblem(file: string): DatabaseOpenError | null {
  if (!readHeader(file).toString('latin1').startsWith(SQLITE_HEADER)) return null;
  let appId: number;
  try {
    const plain = new Database(file, { readonly: true, fileMustExist: true });
    try {
      appId = plain.pragma('application_id', { simple: true }) as number;
    } finally {
      plain.close();
    }
  } catch {
    return null; // a damaged plain file: said as damage by the caller
  }
  return appId === APPLICATION_ID
    ? new DatabaseOpenError('NOT_ENCRYPTED', `${file} 是未加密的 GridDesk 数据库，不能用密钥打开。文件未做任何改动`, file)
    : foreignDatabase(file);
}

function foreignDatabase(file: string): DatabaseOpenError {
  return new DatabaseOpenError('FOREIGN_DATABASE', `这是另一个程序的 SQLite 数据库，不是 GridDesk 的数据文件（${file}），未做任何改动`, file);
}

/**
 * Opens (or creates) a GridDesk database: checks the file is ours and not from a newer
 * version before writing anything, sets the pragmas, backs up and migrates.
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const { file } = options;
  const existed = existsSync(file) && statSync(file).size > 0;
  if (existed && !options.key && !readHeader(file).toString('latin1').startsWith(SQLITE_HEADER)) {
    throw new DatabaseOpenError(
      'NOT_A_DATABASE',
      `文件 ${file} 不是 SQLite 数据库（可能已加密、已损坏或是其他程序的文件），未做任何改动`,
      file,
    );
  }
  if (!existed && !options.readonly) createPrivately(file);
  const sqlite = new Database(file, { fileMustExist: existed, readonly: options.readonly ?? false });
  try {
    if (options.key) applyKey(sqlite, options.key);
    let tableCount: number;
    try {
      tableCount = sqlite.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM sqlite_master').get()!.n;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'SQLITE_NOTADB' && options.key) {
        throw plainFileProblem(file) ?? new DatabaseOpenError('WRONG_KEY', `无法解密 ${file}：密钥不对，或文件已损坏。文件未做任何改动`, file);
      }
      throw new DatabaseOpenError('CORRUPT', `无法读取 ${file}（${(err as Error).message}），文件未做任何改动`, file);
    }
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if (tableCount > 0 && appId !== APPLICATION_ID) throw foreignDatabase(file);
    const migrations = loadMigrations(options.migrations ?? migrationsDir());
    const version = schemaVersion(sqlite);
    if (version > migrations.length) {
      throw new DatabaseOpenError(
        'NEWER_VERSION',
        `${file} 由更新版本的 GridDesk 写入（数据库版本 ${version}，本程序支持到 ${migrations.length}）。请升级 GridDesk；文件未做任何改动`,
        file,
      );
    }
    if (options.readonly) {
      const db = drizzleOver(sqlite);
      return { file, sqlite, db, migrated: 0, schemaVersion: version, close: () => sqlite.close() };
    }
    if (existed) narrowExisting(file);
    beginImmediately(sqlite);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // SQLite3MultipleCiphers does not encrypt temporary files: keep sorts and temp tables in memory.
    sqlite.pragma('temp_store = MEMORY');
    // 64 MiB of page cache: a street-wide aggregate (screening progress over 100,000 households)
    // reads about 15 MiB of index pages, which then stay decrypted in memory.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('foreign_keys = ON');
    let backupFile: string | undefined;
    if (existed && tableCount > 0 && version < migrations.length) backupFile = backupBeforeMigrate(sqlite, file, version);
    if (tableCount === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const migrated = applyMigrations(sqlite, migrations, file);
    const db = drizzleOver(sqlite);
    return {
      file,
      sqlite,
      db,
      migrated,
      ...(backupFile ? { backupFile } : {}),
      schemaVersion: schemaVersion(sqlite),
      close: () => {
        try {
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          sqlite.close();
        }
      },
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
