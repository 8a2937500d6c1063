import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkedBackups, forgetChecked, recordChecked } from './checked';
import { listBackups, verifyBackup } from './list';
import { backupDir, type BackupInfo } from './paths';

const DAY = 24 * 60 * 60 * 1000;

/** Manual, pre-restore and pre-migrate backups are never pruned before this many days. */
export const PROTECTED_DAYS = 90;
/** A `.partial` left by a backup that crashed half-way is removed after this long. */
const STALE_PARTIAL_MS = DAY;

export interface PruneOptions {
  /** Automatic backups older than this are removed. */
  keepDays: number;
  /** The newest this-many good backups (any reason) are always kept, however old. */
  keepAtLeast?: number;
  now?: Date;
  /**
   * How "good" is decided. Given: the backup must pass `verifyBackup` with this key (absent key:
   * a plain database), and is then recorded as checked. Not given (no key at hand): it must be
   * recorded as checked (`checked.json`) with its present size.
   */
  verify?: { key?: Buffer };
}

export interface PruneResult {
  removed: BackupInfo[];
  /** Leftovers of interrupted backups (`.….partial`) that were removed. */
  removedPartials: string[];
}

/**
 * Applies the retention rules: automatic backups older than `keepDays` go; manual, pre-restore
 * and pre-migrate ones go only when older than both 90 days and `keepDays`; the newest
 * `keepAtLeast` good backups stay whatever their age. Files in `backups/` that are not named
 * like ours are never touched.
 */
export function pruneBackups(dataDir: string, options: PruneOptions): PruneResult {
  const { keepDays } = options;
  const keepAtLeast = options.keepAtLeast ?? 3;
  if (!(keepDays > 0)) throw new RangeError('keepDays 必须大于 0');
  if (!Number.isInteger(keepAtLeast) || keepAtLeast < 0) throw new RangeError('keepAtLeast 必须是非负整数');
  const now = (options.now ?? new Date()).getTime();
  const all = listBackups(dataDir);

  const recorded = checkedBackups(dataDir);
  const verify = options.verify;
  const isGood = (info: BackupInfo) => {
    if (!verify) return recorded(info);
    if (!verifyBackup(info.file, verify.key).ok) return false;
    if (!recorded(info)) recordChecked(dataDir, info);
    return true;
  };
  const kept = new Set<string>();
  for (const info of all) {
    if (kept.size >= keepAtLeast) break;
    if (isGood(info)) kept.add(info.file);
  }

  const removed: BackupInfo[] = [];
  for (const info of all) {
    if (kept.has(info.file)) continue;
    const age = now - info.createdAt;
    const limitDays = info.reason === 'auto' ? keepDays : Math.max(PROTECTED_DAYS, keepDays);
    if (age <= limitDays * DAY) continue;
    rmSync(info.file, { force: true });
    removed.push(info);
  }
  forgetChecked(dataDir, removed.map((info) => info.name));

  const removedPartials: string[] = [];
  const dir = backupDir(dataDir);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith('.') || !name.endsWith('.partial')) continue;
      const file = join(dir, name);
      if (now - statSync(file).mtimeMs > STALE_PARTIAL_MS) {
        rmSync(file, { force: true });
        removedPartials.push(file);
      }
    }
  }
  return { removed, removedPartials };
}
