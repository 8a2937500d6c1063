import { statSync } from 'node:fs';
import { createBackup } from '../../db/backup/create';
import { unlockKey } from '../../db/backup/cli';
import { checkDatabase } from '../../db/backup/startup-check';
import { openDatabase } from '../../db/client/open';
import { databaseFile } from '../../db/host';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, median, timed } from './lib';

/**
 * On the large preset: how long the integrity check after every open takes (it runs in a job
 * thread, so this is how long the banner could wait, not a stall), and a backup with the check
 * that now precedes it against the check alone.
 */
export async function benchIntegrity(dataDir: string): Promise<void> {
  const key = unlockKey(dataDir, { username: 'admin', password: DEMO_PASSWORD });
  const opened = openDatabase({ file: databaseFile(dataDir), key });
  try {
    const mb = statSync(opened.file).size / 1024 / 1024;
    const checks = await timed(() => {
      if (!checkDatabase(opened.sqlite).ok) throw new Error('the bench database failed its check');
    }, 3);
    emit('integrity.quickCheck', median(checks), 'ms', { databaseMb: Math.round(mb * 10) / 10, runs: checks.length });
    const backups = await timed(() => createBackup(opened.sqlite, { dataDir, key, reason: 'manual' }), 3);
    emit('integrity.backupWithCheck', median(backups), 'ms', { databaseMb: Math.round(mb * 10) / 10, runs: backups.length, of: 'quick_check + VACUUM INTO + verify' });
  } finally {
    opened.close();
  }
}
