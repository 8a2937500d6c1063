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
      throw new ServiceError('CONFLICT', `另一个 GridDesk 正在使用数据目录 ${dataDir}，请先关闭它`);
    }
  }

  /** Before opening an existing file: `quick_check` if the last run did not close it. */
  beforeOpen(key: Buffer): void {
    const result = startupCheck({ dataDir: this.dataDir, key });
    if (result.status === 'clean' || result.status === 'ok') return;
    const offer = 'offer' in result && result.offer ? `最新的完好备份是 ${result.offer.name}；管理员可运行 griddesk backup restore --data-dir "${this.dataDir}" 恢复。` : '没有可用的完好备份。';
    if (result.status === 'missing') throw new ServiceError('DATABASE', `数据库文件不见了。${offer}`);
    if (result.status === 'unreadable') throw new ServiceError('DATABASE', `数据库无法读取（${result.problems.join('；')}），未做任何改动。`);
    throw new ServiceError('DATABASE', `上次未正常退出，数据库检查发现损坏，已移到 ${result.setAside.setAsideAs ?? 'set-aside 文件夹'}（未删除）。${offer}`);
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
