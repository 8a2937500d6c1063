export { createBackup, type BackupMethod, type CreateBackupOptions } from './create';
export { listBackups, quickCheck, verifyBackup, type VerifyResult } from './list';
export { pruneBackups, PROTECTED_DAYS, type PruneOptions, type PruneResult } from './retention';
export { BackupScheduler, DEFAULT_BACKUP_INTERVAL_MS, type BackupSchedulerOptions } from './schedule';
export { describeSetAside, restoreBackup, type RestoreOptions, type RestoreResult } from './restore';
export {
  checkDatabase,
  checkDatabaseFile,
  lockHeldByOtherProcess,
  markClosed,
  markOpen,
  newestGoodBackup,
  readLock,
  setAsideCorrupt,
  startupCheck,
  wasUncleanExit,
  type DatabaseCheck,
  type LockInfo,
  type SetAsideResult,
  type StartupCheckOptions,
  type StartupCheckResult,
} from './startup-check';
export { BACKUP_REASONS, backupDir, setAsideDir, type BackupInfo, type BackupReason } from './paths';
