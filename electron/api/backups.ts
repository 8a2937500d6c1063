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
}

const backupName = z.string().regex(/^griddesk-[\w.-]+\.db$/, '不是备份文件名').max(120);

export const backupMethods = {
  'backups.list': query<BackupEntry[]>({ permission: 'backups.manage' })(z.object({}).strict()),
  /** Starts a backup job; its result is the new backup's entry. */
  'backups.create': mutation<JobInfo>({ permission: 'backups.manage', invalidates: ['jobs'] })(z.object({}).strict()),
  /** Starts a restore job (refused while other jobs run); its result names the file set aside. */
  'backups.restore': mutation<JobInfo>({ permission: 'backups.manage', invalidates: ['jobs'] })(z.object({ name: backupName }).strict()),
};
