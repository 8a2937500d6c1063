import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../db/backup/create';
import {
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
} from '../../../db/backup/startup-check';
import { backupName } from '../../../db/backup/paths';
import { openDatabase } from '../../../db/client/open';
import { databaseFile } from '../../../db/host';
import { fileState, sha256File, tempDir } from '../helpers/tmp';
import { KEY, NAME, OTHER_KEY, PAGE, dataDirWithDatabase, flipByte, insertPerson, middleOffset, peopleNames, writeAt } from './fixtures';

const NOW = new Date(2026, 6, 1, 7, 0, 0);

/** A pid that was just used by a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

function writeLock(dataDir: string, pid: number): void {
  writeFileSync(join(dataDir, 'griddesk.lock'), JSON.stringify({ pid, openedAt: NOW.toISOString(), hostname: hostname() }));
}

/** An encrypted database with a person in it, closed, plus a good backup made before. */
async function closedWithBackup() {
  const { dataDir, opened } = dataDirWithDatabase();
  insertPerson(opened.sqlite);
  const backup = await createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'auto', now: new Date(NOW.getTime() - 3_600_000) });
  opened.close();
  return { dataDir, file: databaseFile(dataDir), backup };
}

describe('unclean-exit markers', () => {
  it('marks open and closed; a lock left behind by a dead process means an unclean exit', () => {
    const dataDir = tempDir();
    expect(wasUncleanExit(dataDir)).toBe(false);
    markOpen(dataDir, NOW);
    expect(readLock(dataDir)).toEqual({ pid: process.pid, openedAt: NOW.toISOString(), hostname: hostname() });
    markClosed(dataDir);
    expect(existsSync(join(dataDir, 'griddesk.lock'))).toBe(false);
    expect(wasUncleanExit(dataDir)).toBe(false);

    writeLock(dataDir, deadPid());
    expect(wasUncleanExit(dataDir)).toBe(true);
    writeFileSync(join(dataDir, 'griddesk.lock'), '{ half a lo');
    expect(wasUncleanExit(dataDir)).toBe(true);
    markClosed(dataDir);
    markClosed(dataDir); // twice is fine
  });

  it('does not take the lock of a running process for an unclean exit', () => {
    const dataDir = tempDir();
    writeLock(dataDir, process.ppid);
    expect(lockHeldByOtherProcess(readLock(dataDir))).toBe(true);
    expect(wasUncleanExit(dataDir)).toBe(false);
  });
});

describe('checkDatabase / checkDatabaseFile', () => {
  it('passes a sound database, open or on disk', () => {
    const { dataDir, opened } = dataDirWithDatabase();
    insertPerson(opened.sqlite);
    expect(checkDatabase(opened.sqlite)).toEqual({ ok: true, problems: [] });
    opened.close();
    expect(checkDatabaseFile(databaseFile(dataDir), KEY)).toEqual({ ok: true, problems: [] });
  });

  it('finds a page-level corruption in a plain database with quick_check', () => {
    const { dataDir, opened } = dataDirWithDatabase({ plain: true });
    for (let i = 0; i < 200; i++) insertPerson(opened.sqlite, `居民${i}`, `37020219800101${String(i).padStart(4, '0')}`);
    const rootOf = (name: string) => opened.sqlite.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(name) as number;
    const indexRoot = rootOf('people_name_idx');
    const tableRoot = rootOf('people');
    opened.close();
    const file = databaseFile(dataDir);
    const damaged = join(dataDir, 'table-damaged.db');
    copyFileSync(file, damaged);

    // A garbage b-tree page header on the index: quick_check lists the page and the index.
    writeAt(file, (indexRoot - 1) * PAGE, Buffer.alloc(12, 0xff));
    const check = checkDatabaseFile(file);
    expect(check).toMatchObject({ ok: false, unreadable: false });
    expect(check.problems).toEqual([`Tree ${indexRoot} page ${indexRoot}: btreeInitPage() returns error code 11`, 'wrong # of entries in index people_name_idx']);

    // The same on the table: quick_check stops with SQLITE_CORRUPT, reported as the problem.
    writeAt(damaged, (tableRoot - 1) * PAGE, Buffer.alloc(12, 0xff));
    expect(checkDatabaseFile(damaged)).toEqual({ ok: false, unreadable: false, problems: ['SQLITE_CORRUPT: database disk image is malformed'] });
  });

  it('finds a flipped byte in an encrypted database (the page fails its HMAC)', () => {
    const { dataDir, opened } = dataDirWithDatabase();
    insertPerson(opened.sqlite);
    opened.close();
    const file = databaseFile(dataDir);
    flipByte(file, middleOffset(file));
    const check = checkDatabaseFile(file, KEY);
    expect(check).toMatchObject({ ok: false, unreadable: false });
    expect(check.problems.join('\n')).toMatch(/unable to get the page|malformed|SQLITE_CORRUPT/);
  });

  it('reports a first page it cannot decrypt as unreadable', () => {
    const { dataDir, opened } = dataDirWithDatabase();
    opened.close();
    expect(checkDatabaseFile(databaseFile(dataDir), OTHER_KEY)).toMatchObject({ ok: false, unreadable: true });
  });
});

describe('setAsideCorrupt and newestGoodBackup', () => {
  it('moves the files, byte for byte, with a note giving the reason', async () => {
    const { dataDir, file } = await closedWithBackup();
    const hash = sha256File(file);
    const result = setAsideCorrupt(dataDir, '完整性检查未通过：测试', NOW);
    expect(result.setAsideAs).toBe(join(dataDir, 'set-aside', 'griddesk-20260701-070000-corrupt.db'));
    expect(existsSync(file)).toBe(false);
    expect(sha256File(result.setAsideAs!)).toBe(hash);
    expect(readFileSync(result.noteFile!, 'utf8')).toContain('完整性检查未通过：测试');
    expect(setAsideCorrupt(dataDir, 'again', NOW)).toEqual({ setAsideAs: null, files: [], noteFile: null });
  });

  it('offers the newest backup that verifies, skipping corrupt ones', async () => {
    const { dataDir, backup } = await closedWithBackup();
    const newer = join(dataDir, 'backups', backupName(NOW, 'auto'));
    copyFileSync(backup.file, newer);
    flipByte(newer, middleOffset(newer));
    expect(newestGoodBackup(dataDir, KEY)).toMatchObject({ file: backup.file, message: expect.stringMatching(/完好/) });
    expect(newestGoodBackup(dataDir, OTHER_KEY)).toBeNull();
  });
});

describe('startupCheck', () => {
  it('does nothing after a clean exit', async () => {
    const { dataDir, file } = await closedWithBackup();
    flipByte(file, middleOffset(file));
    const before = fileState(file);
    expect(startupCheck({ dataDir, key: KEY })).toEqual({ status: 'clean' });
    expect(fileState(file)).toBe(before);
  });

  it('checks after an unclean exit and lets a sound database through untouched', async () => {
    const { dataDir, file } = await closedWithBackup();
    writeLock(dataDir, deadPid());
    const before = fileState(file);
    expect(startupCheck({ dataDir, key: KEY })).toEqual({ status: 'ok' });
    expect(fileState(file)).toBe(before);
  });

  it('sets a corrupt database aside (never deleted) and offers the newest good backup', async () => {
    const { dataDir, file, backup } = await closedWithBackup();
    writeLock(dataDir, deadPid());
    flipByte(file, middleOffset(file));
    const hash = sha256File(file);

    const result = startupCheck({ dataDir, key: KEY, now: NOW });
    expect(result.status).toBe('corrupt');
    if (result.status !== 'corrupt') return;
    expect(result.offer?.file).toBe(backup.file);
    expect(existsSync(file)).toBe(false);
    expect(sha256File(result.setAside.setAsideAs!)).toBe(hash);
    expect(readFileSync(result.setAside.noteFile!, 'utf8')).toMatch(/完整性检查未通过/);

    // Offered backup restores the person.
    const restored = openDatabase({ file: backup.file, key: KEY, readonly: true });
    expect(peopleNames(restored.sqlite)).toEqual([NAME]);
    restored.close();
  });

  it('sets aside a database whose first page is damaged when a backup proves the key right', async () => {
    const { dataDir, file } = await closedWithBackup();
    writeLock(dataDir, deadPid());
    flipByte(file, 100);
    expect(startupCheck({ dataDir, key: KEY, now: NOW })).toMatchObject({ status: 'corrupt' });
    expect(readdirSync(join(dataDir, 'set-aside'))).toContain('griddesk-20260701-070000-corrupt.db');
  });

  it('leaves an unreadable database alone when a wrong key cannot be ruled out', () => {
    const { dataDir, opened } = dataDirWithDatabase();
    opened.close();
    writeLock(dataDir, deadPid());
    const file = databaseFile(dataDir);
    const before = fileState(file);
    expect(startupCheck({ dataDir, key: OTHER_KEY })).toMatchObject({ status: 'unreadable' });
    // A plain-mode start on an encrypted directory is the same: never set aside.
    expect(startupCheck({ dataDir })).toMatchObject({ status: 'unreadable' });
    expect(fileState(file)).toBe(before);
    expect(existsSync(join(dataDir, 'set-aside'))).toBe(false);
  });

  it('offers the newest good backup when the database is missing', async () => {
    const { dataDir, file, backup } = await closedWithBackup();
    setAsideCorrupt(dataDir, 'test', NOW);
    expect(existsSync(file)).toBe(false);
    expect(startupCheck({ dataDir, key: KEY })).toMatchObject({ status: 'missing', offer: { file: backup.file } });
    expect(startupCheck({ dataDir: tempDir() })).toEqual({ status: 'missing', offer: null });
  });
});
