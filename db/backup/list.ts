import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyKey } from '../client/cipher';
import { APPLICATION_ID } from '../client/open';
import { backupDir, hasPlainSqliteHeader, parseBackupName, type BackupInfo } from './paths';

export type { BackupInfo, BackupReason } from './paths';

/** The backups of a data directory, newest first. Reads names and sizes only: no key needed. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parsed = parseBackupName(entry.name);
    if (!parsed) continue;
    const file = join(dir, entry.name);
    found.push({ file, name: entry.name, ...parsed, size: statSync(file).size, encrypted: !hasPlainSqliteHeader(file) });
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

export interface VerifyResult {
  ok: boolean;
  /** For the user, in Chinese: that the backup is sound, or what is wrong with it. */
  message: string;
  /** `PRAGMA user_version` of the backup (its number of migrations), when it could be read. */
  schemaVersion?: number;
}

/** First lines of `PRAGMA quick_check` (or the error it threw), or [] when the file is sound. */
export function quickCheck(sqlite: Database.Database, maxProblems = 20): string[] {
  const rows = sqlite.pragma(`quick_check(${maxProblems})`) as { quick_check: string }[];
  const lines = rows.map((r) => r.quick_check);
  if (lines.length === 1 && lines[0] === 'ok') return [];
  // Rows may hold several lines, headed by "*** in database main ***": one problem per entry.
  return lines
    .flatMap((l) => l.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l && !/^\*\*\* in database \S+ \*\*\*$/.test(l));
}

/**
 * Opens a file read-only and calls `use` with the connection. A read-only connection on a file in
 * WAL mode (e.g. the copies `openDatabase` makes before a migration) creates an empty -wal and a
 * -shm beside it and cannot remove them when it closes; those it created are removed here, so
 * that reading a file leaves the folder as it was. Companions that were already there stay.
 */
export function withReadOnly<T>(file: string, use: (sqlite: Database.Database) => T): T {
  const existed = new Set(['-wal', '-shm'].filter((suffix) => existsSync(`${file}${suffix}`)));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return use(sqlite);
  } finally {
    sqlite.close();
    const wal = `${file}-wal`;
    if (!existed.has('-wal') && existsSync(wal) && statSync(wal).size === 0) {
      rmSync(wal, { force: true });
      if (!existed.has('-shm')) rmSync(`${file}-shm`, { force: true });
    }
  }
}

/**
 * Opens a backup read-only with the key, runs `PRAGMA quick_check` and checks that it is a
 * GridDesk database. Never changes the file. `key` is required for an encrypted backup (and
 * must be absent for a plain one, as for the database it came from).
 */
export function verifyBackup(file: string, key: Buffer | undefined): VerifyResult {
  if (!existsSync(file)) return { ok: false, message: `备份文件 ${file} 不存在` };
  const size = statSync(file).size;
  if (size === 0) return { ok: false, message: `备份文件 ${file} 是空文件` };
  try {
    return withReadOnly(file, (sqlite) => verifyOpen(sqlite, file, size, key));
  } catch (err) {
    return { ok: false, message: `无法打开备份文件 ${file}：${(err as Error).message}` };
  }
}

function verifyOpen(sqlite: Database.Database, file: string, size: number, key: Buffer | undefined): VerifyResult {
  if (key) applyKey(sqlite, key);
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      return {
        ok: false,
        message: key
          ? `备份文件 ${file} 无法用当前数据库密钥解密：它已损坏，或不是本数据库的备份`
          : `备份文件 ${file} 不是可读的 SQLite 数据库（已加密或已损坏）`,
      };
    }
    return { ok: false, message: `备份文件 ${file} 已损坏：${(err as Error).message}` };
  }
  let problems: string[];
  try {
    problems = quickCheck(sqlite, 5);
  } catch (err) {
    problems = [(err as Error).message];
  }
  if (problems.length > 0) return { ok: false, message: `备份文件 ${file} 已损坏（完整性检查未通过：${problems.join('；')}）` };
  const appId = sqlite.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID) return { ok: false, message: `${file} 不是 GridDesk 的数据库备份` };
  const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
  return { ok: true, message: `备份完好（数据库版本 ${schemaVersion}，${(size / 1024 / 1024).toFixed(1)} MB）`, schemaVersion };
}
