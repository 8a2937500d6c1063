import type Database from 'better-sqlite3-multiple-ciphers';
import { tightenTree } from '../client/file-modes';
import { ServiceError } from '../errors';
import { createBackup } from './create';
import { HealthBook } from './health';
import { BackupScheduler } from './schedule';
import { lockHeldByOtherProcess, markClosed, markOpen, readLock, startupCheck } from './startup-check';

export const DEFAULT_KEEP_DAYS = 30;

/** A backup refused because the database failed its integrity check: what the check said. */
function damageFound(err: unknown): string[] | null {
  return err instanceof ServiceError && err.key === 'backup.sourceDamaged' ? [String(err.params.problems)] : null;
}

/**
 * The life of one open database file around its backups: refuse a folder another GridDesk
 * holds; narrow the folder's modes to its owner; check the file before use (after an unclean
 * exit a corrupt one is set aside, never deleted; a first page that cannot be read is refused;
 * either way the newest good backup is named); mark it open; have its integrity checked in the
 * background (`checkAfterOpen`); back it up every few hours, pruning old automatic backups;
 * mark it cleanly closed.
 */
export class BackupKeeper {
  private scheduler: BackupScheduler | null = null;
  private delayed: ReturnType<typeof setTimeout> | null = null;
  private key: Buffer | undefined;
  private opens = 0;
  /** What the integrity checks found since the last open. */
  readonly health: HealthBook;
  /**
   * Starts the background integrity check (the runtime sets it: a read job in its own thread,
   * which reports to `health`). Called after every open and when a call hits damage.
   */
  checkInBackground: (() => void) | null = null;

  constructor(
    readonly dataDir: string,
    private readonly keepDays: number = Number(process.env.GRIDDESK_BACKUP_DAYS ?? DEFAULT_KEEP_DAYS),
  ) {
    if (lockHeldByOtherProcess(readLock(dataDir))) {
      throw new ServiceError('CONFLICT', 'dataDir.inUse', { dataDir });
    }
    // Installations made before the data directory was kept private are narrowed here.
    tightenTree(dataDir);
    this.health = new HealthBook(dataDir);
  }

  /** Before opening an existing file: `quick_check` if the last run did not close it. */
  beforeOpen(key: Buffer): void {
    const result = startupCheck({ dataDir: this.dataDir, key });
    if (result.status === 'clean' || result.status === 'ok') return;
    const offer = 'offer' in result && result.offer ? { name: result.offer.name, dataDir: this.dataDir } : null;
    if (result.status === 'missing') {
      throw offer ? new ServiceError('DATABASE', 'startup.missingWithBackup', offer) : new ServiceError('DATABASE', 'startup.missing', {});
    }
    if (result.status === 'unreadable') {
      const problems = result.problems.join('；');
      throw offer ? new ServiceError('DATABASE', 'startup.unreadableWithBackup', { problems, ...offer }) : new ServiceError('DATABASE', 'startup.unreadable', { problems });
    }
    const setAsideAs = result.setAside.setAsideAs ?? 'set-aside';
    throw offer
      ? new ServiceError('DATABASE', 'startup.damagedWithBackup', { setAsideAs, ...offer })
      : new ServiceError('DATABASE', 'startup.damaged', { setAsideAs });
  }

  afterOpen(sqlite: Database.Database, key: Buffer): void {
    markOpen(this.dataDir);
    this.key = key;
    this.scheduler = new BackupScheduler({
      dataDir: this.dataDir,
      backup: () => createBackup(sqlite, { dataDir: this.dataDir, key, reason: 'auto' }),
      retention: { keepDays: this.keepDays, keepAtLeast: 3, verify: { key } },
      onError: (err) => {
        const problems = damageFound(err);
        if (problems) this.reportDamage(problems);
        console.error('自动备份失败：', err);
      },
    });
    // The first turn waits a minute, so signing in never waits for a backup.
    const scheduler = this.scheduler;
    this.delayed = setTimeout(() => scheduler.start(), 60_000);
    this.delayed.unref();
    this.opens += 1;
    this.health.reset();
    this.checkInBackground?.();
  }

  /** Counts the opens, so a check that ends after a reopen (a restore) is not taken for the new file. */
  get generation(): number {
    return this.opens;
  }

  /** Damage found by a check or a refused backup: the banner names the newest good backup. */
  reportDamage(problems: string[]): void {
    this.health.found(problems, this.key);
  }

  /** A call failed on damage: check now, unless a check is running or has already found it. */
  suspectDamage(): void {
    const { state } = this.health.get();
    if (state === 'ok' || state === 'unchecked') this.checkInBackground?.();
  }

  /**
   * The copy made before a restore. A damaged database gets none (a copy of it is no backup);
   * the restore sets the file itself aside, never deleted, instead.
   */
  async beforeRestore(sqlite: Database.Database, key: Buffer): Promise<void> {
    try {
      await createBackup(sqlite, { dataDir: this.dataDir, key, reason: 'pre-restore' });
    } catch (err) {
      const problems = damageFound(err);
      if (!problems) throw err;
      this.reportDamage(problems);
    }
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
