import type Database from 'better-sqlite3-multiple-ciphers';
import { basename, join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { Actor } from '../auth/roles';
import { ServiceError } from '../errors';
import { checkedBackups } from './checked';
import { createBackup } from './create';
import { listBackups, verifyBackup } from './list';
import { backupDir, type BackupInfo } from './paths';
import type { BackupEntry } from '../../electron/api/backups';

export function entry(b: BackupInfo, checked: boolean): BackupEntry {
  return { name: b.name, createdAt: b.createdAt, size: b.size, reason: b.reason, encrypted: b.encrypted, checked };
}

export function listBackupsFor(actor: Actor, dataDir: string): BackupEntry[] {
  authorize(actor, 'backups.manage');
  const checked = checkedBackups(dataDir);
  return listBackups(dataDir).map((b) => entry(b, checked(b)));
}

/** A backup file named by the user, resolved inside the backups folder only, and verified. */
export function backupToRestore(dataDir: string, name: string, key: Buffer): string {
  const file = join(backupDir(dataDir), basename(name));
  if (!existsSync(file)) throw new ServiceError('NOT_FOUND', 'backup.notFound', { name }, 'name');
  const check = verifyBackup(file, key);
  if (!check.ok) throw new ServiceError('INVALID_INPUT', 'backup.unusable', { name, problem: check.message }, 'name');
  return file;
}

/**
 * A backup made on request, audited. `stillWanted` is asked once the file is written: if it
 * throws (the job was cancelled meanwhile) the new file is removed and nothing is audited.
 */
export async function manualBackup(actor: Actor, sqlite: Database.Database, dataDir: string, key: Buffer | null, stillWanted?: () => void) {
  authorize(actor, 'backups.manage');
  const info = await createBackup(sqlite, { dataDir, ...(key ? { key } : {}), reason: 'manual' });
  try {
    stillWanted?.();
  } catch (err) {
    rmSync(info.file, { force: true });
    throw err;
  }
  appendAudit(sqlite, { actor, action: 'backup.create', target: info.name });
  return entry(info, true); // a new backup is checked before it is kept
}
