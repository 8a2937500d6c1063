import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ServiceError } from '../errors';
import { databaseFile } from '../host';
import { loadMigrations } from '../client/migrate';
import { migrationsDir } from '../client/app-root';
import { readReplacedChain, recordRestore } from '../audit/restore-trace';
import type { Actor } from '../auth/roles';
import type { OfficeKey } from '../office-key/key';
import { verifyBackup } from './list';
import { COMPANION_SUFFIXES, fileStamp, freeName, fsyncDir, fsyncFile, moveDatabaseFiles, setAsideDir } from './paths';

export interface RestoreOptions {
  dataDir: string;
  backupFile: string;
  /** The database key; needed to verify an encrypted backup (the copy itself needs none). */
  key?: Buffer;
  now?: Date;
  /** Highest schema version this program can open; defaults to the shipped migrations' count. */
  supportedVersion?: number;
  /** Who restores, for the restored chain's record of it; the system when not given (command line). */
  actor?: Pick<Actor, 'id' | 'name' | 'role'>;
  /** The office key, when at hand: an anchor signed at once confirms the restore. */
  office?: OfficeKey | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Path the replaced database was moved to (its -wal/-shm/-journal beside it), or null if there was none. */
  setAsideAs: string | null;
  /** Every file that was moved aside. */
  setAside: string[];
  /** The note written beside the set-aside files. */
  noteFile: string | null;
  schemaVersion: number;
  /** The restore's own entry in the restored chain, and whether an anchor signed it. */
  trace: { seq: number; anchored: boolean };
}

/**
 * Puts a backup in place of `<dataDir>/griddesk.db`.
 *
 * NO CONNECTION MAY BE OPEN ON THE DATABASE while this runs: close the ServiceHost (and stop the
 * BackupScheduler) first, reopen afterwards. An open connection would keep writing to the file
 * that is moved aside (POSIX) or make the move fail (Windows).
 *
 * Order: the backup is verified (a bad one is refused with nothing changed); it is copied next
 * to the database under a temporary name and that copy verified again; the current database
 * and its -wal/-shm/-journal move to `<dataDir>/set-aside/griddesk-<stamp>-before-restore.db…`
 * (never deleted); the copy is renamed into place. If a step fails before the last rename, the
 * current database is put back. Then the restored chain records the restore (`recordRestore`):
 * its entry continues after the replaced chain's last number, so none is used twice.
 */
export function restoreBackup(options: RestoreOptions): RestoreResult {
  const { dataDir, key } = options;
  const backupFile = resolve(options.backupFile);
  const target = databaseFile(dataDir);
  if (resolve(target) === backupFile) throw new ServiceError('INVALID_INPUT', 'restore.ontoItself', {}, 'file');

  const check = verifyBackup(backupFile, key);
  if (!check.ok) throw new ServiceError('INVALID_INPUT', 'restore.badBackup', { problem: check.message }, 'file');
  const supported = options.supportedVersion ?? loadMigrations(migrationsDir()).length;
  if ((check.schemaVersion ?? 0) > supported) {
    throw new ServiceError(
      'INVALID_INPUT',
      'restore.newerVersion',
      { version: check.schemaVersion ?? 0, supported },
      'file',
    );
  }

  const incoming = `${target}.restore-${process.pid}.tmp`;
  rmSync(incoming, { force: true });
  let setAside: string[] = [];
  let setAsideAs: string | null = null;
  let noteFile: string | null = null;
  const replaced = readReplacedChain(target, dataDir, key);
  try {
    copyFileSync(backupFile, incoming);
    fsyncFile(incoming);
    const copied = verifyBackup(incoming, key);
    if (!copied.ok) throw new ServiceError('DATABASE', 'restore.copyCheckFailed', { problem: copied.message });

    // Companions without the database still go: a stray -wal would be replayed into the restored file.
    if (['', ...COMPANION_SUFFIXES].some((suffix) => existsSync(`${target}${suffix}`))) {
      const asideDir = setAsideDir(dataDir);
      mkdirSync(asideDir, { recursive: true });
      const name = freeName(asideDir, `griddesk-${fileStamp(options.now ?? new Date())}-before-restore`, '.db');
      setAsideAs = join(asideDir, name);
      setAside = moveDatabaseFiles(target, setAsideAs);
    }
    try {
      renameSync(incoming, target);
    } catch (err) {
      if (setAsideAs) {
        try {
          moveDatabaseFiles(setAsideAs, target);
        } catch {
          throw new ServiceError('DATABASE', 'restore.stranded', { error: (err as Error).message, setAsideAs, target });
        }
      }
      throw err;
    }
    fsyncDir(dataDir);
    if (setAsideAs) noteFile = writeNote(setAsideAs, backupFile, target, options.now ?? new Date());
  } catch (err) {
    rmSync(incoming, { force: true });
    if (err instanceof ServiceError) throw err;
    throw new ServiceError('DATABASE', setAsideAs ? 'restore.failedPutBack' : 'restore.failedUnchanged', { error: (err as Error).message });
  }
  let trace: RestoreResult['trace'];
  try {
    trace = recordRestore({ dataDir, file: target, key, backupFile, setAsideAs, replaced, actor: options.actor, office: options.office ?? null });
  } catch (err) {
    throw new ServiceError('DATABASE', 'restore.traceFailed', { setAsideAs: setAsideAs ?? '—', error: (err as Error).message });
  }
  return { restoredFrom: backupFile, setAsideAs, setAside, noteFile, schemaVersion: check.schemaVersion ?? 0, trace };
}

/** A note beside the set-aside files saying what they are. Best effort: the restore has happened. */
function writeNote(setAsideAs: string, backupFile: string, target: string, at: Date): string | null {
  const noteFile = `${setAsideAs}.txt`;
  try {
    writeFileSync(
      noteFile,
      [
        `恢复备份前的数据库（${at.toLocaleString('zh-CN', { hour12: false })}）。`,
        `恢复自：${backupFile}`,
        `原位置：${target}`,
        '此文件不会被自动删除；确认不再需要后可手动删除。',
        '',
      ].join('\n'),
    );
    return noteFile;
  } catch {
    return null;
  }
}

/** The name a restore sets the current database aside under, for messages. */
export function describeSetAside(result: RestoreResult): string {
  return result.setAsideAs ? `原数据库已移到 set-aside 文件夹的 ${basename(result.setAsideAs)}（不会删除）` : '原来没有数据库文件';
}
