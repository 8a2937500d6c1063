import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import { createBackup } from './create';
import { BackupScheduler } from './schedule';
import { lockHeldByOtherProcess, markClosed, markOpen, readLock, startupCheck } from './startup-check';

export const DEFAULT_KEEP_DAYS = 30;

/**
 * The life of one open database file around its backups: refuse a folder another GridDesk
 * holds; after an unclean exit check the file before use (a corrupt one is set aside, never
 * deleted, and the newest good backup is named); mark it open; back it up every few hours,
 * pruning old automatic backups; mark it cleanly closed.
 */
export class BackupKeeper {
  private scheduler: BackupScheduler | null = null;
  private delayed: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly dataDir: string,
    private readonly keepDays: number = Number(process.env.GRIDDESK_BACKUP_DAYS ?? DEFAULT_KEEP_DAYS),
  ) {
    if (lockHeldByOtherProcess(readLock(dataDir))) {
      throw new ServiceError('CONFLICT', 'dataDir.inUse', { dataDir });
    }
  }

  /** Before opening an existing file: `quick_check` if the last run did not close it. */
  beforeOpen(key: Buffer): void {
    const result = startupCheck({ dataDir: this.dataDir, key });
    if (result.status === 'clean' || result.status === 'ok') return;
    const offer = 'offer' in result && result.offer ? { name: result.offer.name, dataDir: this.dataDir } : null;
    if (result.status === 'missing') {
      throw offer ? new ServiceError('DATABASE', 'startup.missingWithBackup', offer) : new ServiceError('DATABASE', 'startup.missing', {});
    }
    if (result.status === 'unreadable') throw new ServiceError('DATABASE', 'startup.unreadable', { problems: result.problems.join('；') });
    const setAsideAs = result.setAside.setAsideAs ?? 'set-aside';
    throw offer
      ? new ServiceError('DATABASE', 'startup.damagedWithBackup', { setAsideAs, ...offer })
      : new ServiceError('DATABASE', 'startup.damaged', { setAsideAs });
  }

  afterOpen(sqlite: Database.Database, key: Buffer): void {
    markOpen(this.dataDir);
    this.scheduler = new BackupScheduler({
      dataDir: this.dataDir,
      backup: () => createBackup(sqlite, { dataDir: this.dataDir, key, reason: 'auto' }),
      retention: { keepDays: this.keepDays, keepAtLeast: 3, verify: { key } },
    });
    // The first turn waits a minute, so signing in never waits for a backup.
    const scheduler = this.scheduler;
    this.delayed = setTimeout(() => scheduler.start(), 60_000);
    this.delayed.unref();
  }

  /** Stops the schedule; call `markClean` once the connection is closed. */
  async stop(): Promise<void> {
    if (this.delayed) clearTimeout(this.delayed);
    const scheduler = this.scheduler;
    this.scheduler = null;
    await scheduler?.stop();
  }

  markClean(): void {
    markClosed(this.dataDir);
  }
}
