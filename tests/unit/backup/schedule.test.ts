import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../db/backup/create';
import { listBackups } from '../../../db/backup/list';
import { backupName } from '../../../db/backup/paths';
import { BackupScheduler, DEFAULT_BACKUP_INTERVAL_MS } from '../../../db/backup/schedule';
import type { PruneResult } from '../../../db/backup/retention';
import { KEY, dataDirWithDatabase, insertPerson } from './fixtures';

const HOUR = 60 * 60 * 1000;
const T0 = new Date(2026, 7, 1, 8, 0, 0);

function setup(options: { plain?: boolean } = {}) {
  const { dataDir, opened } = dataDirWithDatabase(options);
  insertPerson(opened.sqlite);
  let clock = T0;
  let calls = 0;
  const scheduler = (extra: Partial<ConstructorParameters<typeof BackupScheduler>[0]> = {}) =>
    new BackupScheduler({
      dataDir,
      backup: () => {
        calls += 1;
        return createBackup(opened.sqlite, { dataDir, reason: 'auto', now: clock, ...(options.plain ? {} : { key: KEY }) });
      },
      now: () => clock,
      ...extra,
    });
  return {
    dataDir,
    opened,
    scheduler,
    calls: () => calls,
    setClock: (d: Date) => {
      clock = d;
    },
  };
}

describe('BackupScheduler', () => {
  it('makes a backup at start when there is none, on an unref’d 6-hour timer', async () => {
    const t = setup();
    const s = t.scheduler();
    const info = await s.start();
    expect(info).toMatchObject({ reason: 'auto', createdAt: T0.getTime() });
    expect(listBackups(t.dataDir)).toHaveLength(1);
    expect(s.started).toBe(true);
    const timer = (s as unknown as { timer: NodeJS.Timeout }).timer;
    expect(timer.hasRef()).toBe(false);
    expect(DEFAULT_BACKUP_INTERVAL_MS).toBe(6 * HOUR);
    expect(await s.start()).toBeNull(); // already started: no second timer, no extra backup
    await s.stop();
    expect(s.started).toBe(false);
    expect(t.calls()).toBe(1);
    t.opened.close();
  });

  it('skips the start-up backup while the newest is younger than the interval', async () => {
    const t = setup();
    await createBackup(t.opened.sqlite, { dataDir: t.dataDir, key: KEY, reason: 'manual', now: T0 });
    t.setClock(new Date(T0.getTime() + 5 * HOUR));
    const s = t.scheduler();
    expect(s.isDue()).toBe(false);
    expect(await s.start()).toBeNull();
    await s.stop();
    expect(t.calls()).toBe(0);

    t.setClock(new Date(T0.getTime() + 6 * HOUR));
    const s2 = t.scheduler();
    expect(s2.isDue()).toBe(true);
    expect(await s2.start()).not.toBeNull();
    await s2.stop();
    expect(listBackups(t.dataDir).map((b) => b.reason)).toEqual(['auto', 'manual']);
    t.opened.close();
  });

  it('never runs two turns at once', async () => {
    const t = setup({ plain: true }); // the online backup API: a real asynchronous copy
    const s = t.scheduler();
    const a = s.runNow();
    const b = s.runNow();
    expect(b).toBe(a);
    await a;
    expect(t.calls()).toBe(1);
    expect(listBackups(t.dataDir)).toHaveLength(1);
    t.opened.close();
  });

  it('waits for a running backup when stopped', async () => {
    const t = setup({ plain: true });
    const s = t.scheduler();
    void s.start();
    await s.stop();
    expect(listBackups(t.dataDir)).toHaveLength(1);
    t.opened.close();
  });

  it('reports a failed turn and carries on; a skipped turn prunes nothing', async () => {
    const t = setup();
    const errors: unknown[] = [];
    let fail = true;
    let skip = false;
    const pruned: (PruneResult | null)[] = [];
    const s = new BackupScheduler({
      dataDir: t.dataDir,
      backup: async () => {
        if (skip) return null;
        if (fail) throw new Error('磁盘已满');
        return createBackup(t.opened.sqlite, { dataDir: t.dataDir, key: KEY, reason: 'auto', now: T0 });
      },
      retention: { keepDays: 7 },
      onError: (e) => errors.push(e),
      onBackup: (_info, p) => pruned.push(p),
      now: () => T0,
    });
    expect(await s.runNow()).toBeNull();
    expect(errors.map((e) => (e as Error).message)).toEqual(['磁盘已满']);
    fail = false;
    expect(await s.runNow()).not.toBeNull();
    skip = true;
    expect(await s.runNow()).toBeNull();
    expect(pruned).toHaveLength(1);
    t.opened.close();
  });

  it('prunes by the retention rules after each backup', async () => {
    const t = setup();
    const first = await createBackup(t.opened.sqlite, { dataDir: t.dataDir, key: KEY, reason: 'auto', now: new Date(T0.getTime() - 20 * 24 * HOUR) });
    const old = backupName(new Date(T0.getTime() - 30 * 24 * HOUR), 'auto');
    copyFileSync(first.file, join(t.dataDir, 'backups', old));
    const seen: PruneResult[] = [];
    const s = t.scheduler({ retention: { keepDays: 7, keepAtLeast: 1 }, onBackup: (_i, p) => seen.push(p!) });
    const made = await s.runNow();
    expect(listBackups(t.dataDir).map((b) => b.name)).toEqual([made!.name]);
    expect(seen[0]!.removed.map((r) => r.name).sort()).toEqual([first.name, old].sort());
    t.opened.close();
  });

  it('rejects a non-positive interval', () => {
    expect(() => new BackupScheduler({ dataDir: '/x', backup: async () => null, intervalMs: 0 })).toThrow(RangeError);
  });
});
