import { z } from 'zod';
import type { JobInfo } from './jobs';
import { mutation, query } from './define';

export interface BackupEntry {
  /** File name inside the data directory's backups folder. */
  name: string;
  createdAt: number;
  size: number;
  reason: 'auto' | 'manual' | 'pre-restore' | 'pre-migrate';
  encrypted: boolean;
  /** Whether the file passed an integrity check as it is now (retention keeps the last checked ones). */
  checked: boolean;
}

/**
 * Whether the open database passed its integrity check (`PRAGMA quick_check`), run in the
 * background after every open and before every backup. `unchecked`: opened, check not started;
 * `checking`: running. A damaged database names the newest backup that passes its check.
 */
export interface DatabaseHealth {
  state: 'unchecked' | 'checking' | 'ok' | 'damaged';
  /** When the last check ended (ms since epoch), or null. */
  checkedAt: number | null;
  /** What the check found (SQLite's own words), empty unless damaged. */
  problems: string[];
  /** When damaged: the backup to restore, or null when none is intact. */
  newestGoodBackup: BackupEntry | null;
}

const backupName = z.string().regex(/^griddesk-[\w.-]+\.db$/, '不是备份文件名').max(120);

export const backupMethods = {
  'backups.list': query<BackupEntry[]>({ permission: 'backups.manage' })(z.object({}).strict()),
  /** Whether the database passed its integrity check; pushed as `database.health` when it changes. */
  'backups.health': query<DatabaseHealth>({ permission: 'backups.manage' })(z.object({}).strict()),
  /** Starts a backup job; its result is the new backup's entry. */
  'backups.create': mutation<JobInfo>({ permission: 'backups.manage', invalidates: ['jobs'], job: true })(z.object({}).strict()),
  /** Starts a restore job (refused while other jobs run); its result names the file set aside. */
  'backups.restore': mutation<JobInfo>({ permission: 'backups.manage', invalidates: ['jobs'], job: true })(z.object({ name: backupName }).strict()),
};
