import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../client/file-modes';
import { backupDir, type BackupInfo } from './paths';

/**
 * Which backups passed an integrity check, and as what size: `backups/checked.json`. A backup
 * counts as good for retention only when it is recorded here (or is verified again with the
 * key), so newer files that were never checked cannot push the last good ones out.
 */
export const CHECKED_FILE = 'checked.json';

type CheckedBook = Record<string, { size: number; checkedAt: number }>;

function bookFile(dataDir: string): string {
  return join(backupDir(dataDir), CHECKED_FILE);
}

function readBook(dataDir: string): CheckedBook {
  const file = bookFile(dataDir);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CheckedBook) : {};
  } catch {
    return {}; // a torn record only means the backups are verified again
  }
}

function writeBook(dataDir: string, book: CheckedBook): void {
  const file = bookFile(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(book), { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file);
}

/** Records that the backup passed its integrity check as it is now. */
export function recordChecked(dataDir: string, backup: Pick<BackupInfo, 'name' | 'size'>, at: Date = new Date()): void {
  writeBook(dataDir, { ...readBook(dataDir), [backup.name]: { size: backup.size, checkedAt: at.getTime() } });
}

/** Whether the backup is recorded as checked, with the size it has now. */
export function checkedBackups(dataDir: string): (backup: Pick<BackupInfo, 'name' | 'size'>) => boolean {
  const book = readBook(dataDir);
  return (backup) => book[backup.name]?.size === backup.size;
}

/** Drops the records of backups that are gone. */
export function forgetChecked(dataDir: string, names: readonly string[]): void {
  if (names.length === 0) return;
  const book = readBook(dataDir);
  if (!names.some((name) => name in book)) return;
  for (const name of names) delete book[name];
  writeBook(dataDir, book);
}
