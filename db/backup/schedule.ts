import { listBackups } from './list';
import { pruneBackups, type PruneOptions, type PruneResult } from './retention';
import type { BackupInfo } from './paths';

export const DEFAULT_BACKUP_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface BackupSchedulerOptions {
  dataDir: string;
  /**
   * Makes one automatic backup, e.g. `() => createBackup(sqlite, { dataDir, key, reason: 'auto' })`.
   * Return null to skip this turn (the database is locked: nobody has signed in yet).
   */
  backup: () => Promise<BackupInfo | null>;
  /** Pruned after every successful backup; no pruning when absent. */
  retention?: Omit<PruneOptions, 'now'>;
  intervalMs?: number;
  /** A failed turn is reported here and the schedule goes on. Default: console.error. */
  onError?: (err: unknown) => void;
  onBackup?: (info: BackupInfo, pruned: PruneResult | null) => void;
  now?: () => Date;
}

/**
 * Automatic backups: one every `intervalMs` (6 h by default), plus one right at `start()` when
 * the newest backup is older than the interval (or there is none). The timer is unref'd, so it
 * never keeps the process alive. Turns never overlap. Call `stop()` (and await it) before the
 * database is closed or restored.
 */
export class BackupScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight: Promise<BackupInfo | null> | null = null;
  private readonly intervalMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
    if (!(this.intervalMs > 0)) throw new RangeError('备份间隔必须大于 0');
    this.now = options.now ?? (() => new Date());
  }

  get started(): boolean {
    return this.timer !== null;
  }

  /** Whether a backup is due now: none yet, or the newest is at least one interval old. */
  isDue(): boolean {
    const newest = listBackups(this.options.dataDir)[0];
    return !newest || this.now().getTime() - newest.createdAt >= this.intervalMs;
  }

  /**
   * Starts the timer. Resolves when the start-up backup (if one was due) has finished; the
   * schedule is running either way, so callers need not wait.
   */
  start(): Promise<BackupInfo | null> {
    if (this.timer) return Promise.resolve(null);
    this.timer = setInterval(() => void this.runNow(), this.intervalMs);
    this.timer.unref();
    return this.isDue() ? this.runNow() : Promise.resolve(null);
  }

  /** One turn now (joins the running one if there is one). Never rejects: errors go to onError. */
  runNow(): Promise<BackupInfo | null> {
    if (this.inFlight) return this.inFlight;
    const turn = this.turn().finally(() => {
      this.inFlight = null;
    });
    this.inFlight = turn;
    return turn;
  }

  private async turn(): Promise<BackupInfo | null> {
    try {
      const info = await this.options.backup();
      if (!info) return null;
      const pruned = this.options.retention ? pruneBackups(this.options.dataDir, { ...this.options.retention, now: this.now() }) : null;
      this.options.onBackup?.(info, pruned);
      return info;
    } catch (err) {
      (this.options.onError ?? ((e: unknown) => console.error('自动备份失败：', e)))(err);
      return null;
    }
  }

  /** Stops the timer and waits for a running backup to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
  }
}
