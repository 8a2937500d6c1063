import { z } from 'zod';
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
  'backups.create': mutation<BackupEntry>({ permission: 'backups.manage', invalidates: ['backups'] })(z.object({}).strict()),
  'backups.restore': mutation<{ restoredFrom: string; setAsideAs: string | null }>({ permission: 'backups.manage', invalidates: ['*'] })(z.object({ name: backupName }).strict()),
};
