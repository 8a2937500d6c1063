import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../db/backup/create';
import { listBackups, verifyBackup } from '../../../db/backup/list';
import { backupName, type BackupReason } from '../../../db/backup/paths';
import { pruneBackups } from '../../../db/backup/retention';
import { checkedBackups, recordChecked } from '../../../db/backup/checked';
import { KEY, OTHER_KEY, dataDirWithDatabase, flipByte, insertPerson, middleOffset, truncateToHalf } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(2026, 5, 1, 12, 0, 0);
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

/** A data directory with one real encrypted backup, and a way to copy it under other names. */
async function withOneBackup() {
  const { dataDir, opened } = dataDirWithDatabase();
  insertPerson(opened.sqlite);
  const real = await createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'manual', now: daysAgo(1000) });
  opened.close();
  const dir = join(dataDir, 'backups');
  /** A copy under another name, recorded as checked unless `checked` is false. */
  const place = (ageDays: number, reason: BackupReason, seq = 1, checked = true) => {
    const name = backupName(daysAgo(ageDays), reason, seq);
    copyFileSync(real.file, join(dir, name));
    if (checked) recordChecked(dataDir, { name, size: real.size });
    return name;
  };
  return { dataDir, dir, real, place };
}

const names = (dataDir: string) => listBackups(dataDir).map((b) => b.name);

describe('listBackups', () => {
  it('lists backups newest first from their names, without a key, and ignores everything else', async () => {
    const { dataDir, dir, real, place } = await withOneBackup();
    const a = place(3, 'auto');
    const b = place(1, 'pre-restore');
    const c = place(2, 'manual');
    // The copy openDatabase makes before a migration (its own naming) counts as pre-migrate.
    copyFileSync(real.file, join(dir, 'griddesk-before-v2-2026-05-30T23-00-00-000Z.db'));
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    writeFileSync(join(dir, `.${backupName(NOW, 'auto')}.partial`), '');
    mkdirSync(join(dir, 'griddesk-20260101-000000-auto.db')); // a folder with a backup's name

    const list = listBackups(dataDir);
    expect(list.map((i) => i.name)).toEqual([b, 'griddesk-before-v2-2026-05-30T23-00-00-000Z.db', c, a, real.name]);
    expect(list.map((i) => i.reason)).toEqual(['pre-restore', 'pre-migrate', 'manual', 'auto', 'manual']);
    expect(list[0]!.createdAt).toBe(daysAgo(1).getTime());
    expect(list[1]!.createdAt).toBe(Date.UTC(2026, 4, 30, 23, 0, 0));
    expect(list.every((i) => i.encrypted && i.size === real.size)).toBe(true);
  });

  it('returns nothing for a data directory without backups', () => {
    const { dataDir, opened } = dataDirWithDatabase();
    opened.close();
    expect(listBackups(dataDir)).toEqual([]);
  });
});

describe('verifyBackup', () => {
  it('passes a sound backup and fails a wrong key, a truncated copy, a flipped byte and a foreign database', async () => {
    const { dir, real } = await withOneBackup();
    expect(verifyBackup(real.file, KEY)).toMatchObject({ ok: true, schemaVersion: expect.any(Number) });
    expect(verifyBackup(real.file, OTHER_KEY)).toMatchObject({ ok: false, message: expect.stringMatching(/无法用当前数据库密钥解密/) });
    expect(verifyBackup(real.file, undefined).ok).toBe(false);

    const truncated = join(dir, 'truncated.db');
    copyFileSync(real.file, truncated);
    truncateToHalf(truncated);
    expect(verifyBackup(truncated, KEY)).toMatchObject({ ok: false, message: expect.stringMatching(/损坏/) });

    const flipped = join(dir, 'flipped.db');
    copyFileSync(real.file, flipped);
    flipByte(flipped, middleOffset(flipped));
    expect(verifyBackup(flipped, KEY)).toMatchObject({ ok: false, message: expect.stringMatching(/损坏/) });

    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(verifyBackup(foreign, undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/不是 GridDesk/) });
    expect(verifyBackup(join(dir, 'missing.db'), KEY).ok).toBe(false);
  });
});

describe('pruneBackups', () => {
  it('removes automatic backups older than keepDays and keeps the younger ones', async () => {
    const { dataDir, real, place } = await withOneBackup();
    const young = [place(1, 'auto'), place(2, 'auto'), place(3, 'auto'), place(6, 'auto')];
    const old = [place(8, 'auto'), place(30, 'auto')];
    const result = pruneBackups(dataDir, { keepDays: 7, now: NOW });
    // The 1000-day-old manual backup is past its 90 days as well.
    expect(result.removed.map((r) => r.name)).toEqual([...old, real.name]);
    for (const r of result.removed) expect(existsSync(r.file)).toBe(false);
    expect(names(dataDir)).toEqual(young);
  });

  it('always keeps the newest keepAtLeast good backups, however old', async () => {
    const { dataDir, place } = await withOneBackup();
    const all = [place(40, 'auto'), place(41, 'auto'), place(42, 'auto'), place(43, 'auto'), place(44, 'auto')];
    const result = pruneBackups(dataDir, { keepDays: 7, keepAtLeast: 3, now: NOW });
    expect(names(dataDir)).toEqual(all.slice(0, 3));
    expect(result.removed.map((r) => r.name)).toEqual([...all.slice(3), expect.stringMatching(/-manual\.db$/)]);
    expect(pruneBackups(dataDir, { keepDays: 7, keepAtLeast: 3, now: NOW }).removed).toEqual([]);
  });

  it('does not count corrupt backups as good when it can verify them', async () => {
    const { dataDir, dir, place } = await withOneBackup();
    const bad1 = place(40, 'auto');
    const bad2 = place(41, 'auto');
    const good = [place(42, 'auto'), place(43, 'auto'), place(44, 'auto')];
    place(45, 'auto');
    truncateToHalf(join(dir, bad1));
    flipByte(join(dir, bad2), middleOffset(join(dir, bad2)));
    pruneBackups(dataDir, { keepDays: 7, keepAtLeast: 3, now: NOW, verify: { key: KEY } });
    expect(names(dataDir)).toEqual(good);
  });

  it('without a key counts only backups recorded as checked, so newer unchecked files never push out the last good ones', async () => {
    const { dataDir, place } = await withOneBackup();
    const good = [place(40, 'auto'), place(41, 'auto'), place(42, 'auto')];
    const unchecked = [place(20, 'auto', 1, false), place(21, 'auto', 1, false), place(22, 'auto', 1, false)];
    const result = pruneBackups(dataDir, { keepDays: 7, keepAtLeast: 3, now: NOW });
    expect(names(dataDir)).toEqual(good);
    expect(result.removed.map((r) => r.name)).toEqual([...unchecked, expect.stringMatching(/-manual\.db$/)]);
    // The removed ones are forgotten; the kept ones are still recorded.
    const recorded = checkedBackups(dataDir);
    expect(listBackups(dataDir).every(recorded)).toBe(true);
    expect(result.removed.some(recorded)).toBe(false);
  });

  it('records the backups it verified with the key as checked', async () => {
    const { dataDir, place } = await withOneBackup();
    const name = place(2, 'auto', 1, false);
    const info = listBackups(dataDir).find((b) => b.name === name)!;
    expect(checkedBackups(dataDir)(info)).toBe(false);
    pruneBackups(dataDir, { keepDays: 7, keepAtLeast: 3, now: NOW, verify: { key: KEY } });
    expect(checkedBackups(dataDir)(info)).toBe(true);
  });

  it('keeps manual, pre-restore and pre-migrate backups for 90 days whatever keepDays says', async () => {
    const { dataDir, place } = await withOneBackup();
    const kept = [place(10, 'manual'), place(60, 'pre-restore'), place(89, 'pre-migrate')];
    const gone = [place(91, 'manual'), place(120, 'pre-restore')];
    const result = pruneBackups(dataDir, { keepDays: 7, keepAtLeast: 0, now: NOW });
    expect(names(dataDir)).toEqual(kept);
    expect(result.removed.map((r) => r.name)).toEqual([...gone, expect.stringMatching(/-manual\.db$/)]);
    // A longer keepDays protects them longer.
    const { dataDir: d2, place: place2 } = await withOneBackup();
    const manual = place2(100, 'manual');
    pruneBackups(d2, { keepDays: 180, keepAtLeast: 0, now: NOW });
    expect(names(d2)).toContain(manual);
  });

  it('leaves foreign files alone and clears the leftovers of interrupted backups after a day', async () => {
    const { dataDir, dir, real } = await withOneBackup();
    writeFileSync(join(dir, 'mine.db'), 'x');
    const stale = join(dir, `.${backupName(daysAgo(2), 'auto')}.partial`);
    const fresh = join(dir, `.${backupName(NOW, 'auto')}.partial`);
    writeFileSync(stale, '');
    writeFileSync(fresh, '');
    utimesSync(stale, daysAgo(2), daysAgo(2));
    utimesSync(fresh, NOW, NOW);
    const result = pruneBackups(dataDir, { keepDays: 7, now: NOW });
    expect(result.removedPartials).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(join(dir, 'mine.db'))).toBe(true);
    // The one real backup is the newest good one, so it stays however old.
    expect(readdirSync(dir).sort()).toEqual([real.name, 'checked.json', 'mine.db', fresh.slice(dir.length + 1)].sort());
  });

  it('rejects nonsense settings', () => {
    expect(() => pruneBackups('/nonexistent', { keepDays: 0 })).toThrow(RangeError);
    expect(() => pruneBackups('/nonexistent', { keepDays: 7, keepAtLeast: -1 })).toThrow(RangeError);
  });
});
