import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../db/backup/create';
import { listBackups } from '../../../db/backup/list';
import { restoreBackup } from '../../../db/backup/restore';
import { openDatabase } from '../../../db/client/open';
import { ServiceError } from '../../../db/errors';
import { fileState, tempDir } from '../helpers/tmp';
import { KEY, NAME, OTHER_KEY, dataDirWithDatabase, flipByte, insertPerson, middleOffset, peopleNames, truncateToHalf, writeAt } from './fixtures';

const AT = new Date(2026, 3, 2, 8, 30, 0);
const LATER = new Date(2026, 3, 2, 17, 45, 12);

/** A database with 张三丰, a backup of it, then 李四 added and 张三丰 removed (left in the WAL). */
async function changedSinceBackup() {
  const { dataDir, opened } = dataDirWithDatabase();
  const id = insertPerson(opened.sqlite);
  const backup = await createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'manual', now: AT });
  insertPerson(opened.sqlite, '李四', '370202199002022345');
  opened.sqlite.prepare('DELETE FROM people WHERE id = ?').run(id);
  return { dataDir, opened, backup, file: opened.file };
}

function refused(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    return err as ServiceError;
  }
  throw new Error('expected the restore to be refused');
}

describe('restoreBackup', () => {
  it('sets the current database aside (WAL and all) and puts the backup in its place', async () => {
    const { dataDir: original, opened, backup: originalBackup } = await changedSinceBackup();
    // The state a crash leaves: the newest changes only in the -wal beside the file. Closing
    // the last connection would checkpoint them, so the files are copied while it is open.
    const dataDir = tempDir('gd-crashed-');
    cpSync(join(original, 'backups'), join(dataDir, 'backups'), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${opened.file}${suffix}`, join(dataDir, `griddesk.db${suffix}`));
    opened.close();
    const file = join(dataDir, 'griddesk.db');
    const backup = { ...originalBackup, file: join(dataDir, 'backups', originalBackup.name) };

    const result = restoreBackup({ dataDir, backupFile: backup.file, key: KEY, now: LATER });

    expect(result.restoredFrom).toBe(backup.file);
    expect(result.setAsideAs).toBe(join(dataDir, 'set-aside', 'griddesk-20260402-174512-before-restore.db'));
    expect(result.setAside[0]).toBe(result.setAsideAs);
    expect(result.setAside).toEqual([result.setAsideAs, `${result.setAsideAs}-wal`, `${result.setAsideAs}-shm`]);
    expect(readFileSync(result.noteFile!, 'utf8')).toContain(backup.file);
    expect(existsSync(`${file}-wal`)).toBe(false);

    const restored = openDatabase({ file, key: KEY });
    expect(peopleNames(restored.sqlite)).toEqual([NAME]);
    restored.close();

    const aside = openDatabase({ file: result.setAsideAs!, key: KEY, readonly: true });
    expect(peopleNames(aside.sqlite)).toEqual(['李四']);
    aside.close();

    // The backup itself is untouched and still listed.
    expect(listBackups(dataDir).map((b) => b.file)).toEqual([backup.file]);
    expect(readdirSync(dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a truncated backup, a backup with bytes overwritten and a wrong key, changing nothing', async () => {
    const { dataDir, opened, backup, file } = await changedSinceBackup();
    opened.close();
    const before = fileState(file);

    const truncated = join(dataDir, 'backups', 'griddesk-20260402-083001-manual.db');
    copyFileSync(backup.file, truncated);
    truncateToHalf(truncated);
    const overwritten = join(dataDir, 'backups', 'griddesk-20260402-083002-manual.db');
    copyFileSync(backup.file, overwritten);
    writeAt(overwritten, middleOffset(overwritten), Buffer.alloc(256, 0x20));
    const flipped = join(dataDir, 'backups', 'griddesk-20260402-083003-manual.db');
    copyFileSync(backup.file, flipped);
    flipByte(flipped, middleOffset(flipped));

    for (const bad of [truncated, overwritten, flipped]) {
      const err = refused(() => restoreBackup({ dataDir, backupFile: bad, key: KEY }));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(/^不能恢复：.*已损坏.*数据库未做任何改动$/);
    }
    expect(refused(() => restoreBackup({ dataDir, backupFile: backup.file, key: OTHER_KEY })).message).toMatch(/无法用当前数据库密钥解密/);
    expect(refused(() => restoreBackup({ dataDir, backupFile: join(dataDir, 'nope.db'), key: KEY })).message).toMatch(/不存在/);
    expect(refused(() => restoreBackup({ dataDir, backupFile: file, key: KEY })).message).toMatch(/数据库文件本身/);

    expect(fileState(file)).toBe(before);
    expect(existsSync(join(dataDir, 'set-aside'))).toBe(false);
    expect(readdirSync(dataDir).sort()).toEqual(['backups', 'griddesk.db']);
    const still = openDatabase({ file, key: KEY });
    expect(peopleNames(still.sqlite)).toEqual(['李四']);
    still.close();
  });

  it('refuses a backup from a newer GridDesk', async () => {
    const { dataDir, opened, backup, file } = await changedSinceBackup();
    opened.close();
    const before = fileState(file);
    expect(refused(() => restoreBackup({ dataDir, backupFile: backup.file, key: KEY, supportedVersion: 0 })).message).toMatch(/更新版本/);
    expect(fileState(file)).toBe(before);
  });

  it('restores into a data directory whose database is gone, moving a stray -wal out of the way', async () => {
    const { dataDir, opened, backup, file } = await changedSinceBackup();
    opened.close();
    copyFileSync(file, join(dataDir, 'elsewhere.db'));
    // What a crash-and-cleanup by hand can leave: no database, but a WAL of some other file.
    writeFileSync(`${file}-wal`, Buffer.alloc(4096, 1));
    rmSync(file);
    const result = restoreBackup({ dataDir, backupFile: backup.file, key: KEY, now: LATER });
    expect(result.setAside).toEqual([`${result.setAsideAs}-wal`]);
    const restored = openDatabase({ file, key: KEY });
    expect(peopleNames(restored.sqlite)).toEqual([NAME]);
    restored.close();
  });

  it('never overwrites an earlier set-aside file', async () => {
    const { dataDir, opened, backup } = await changedSinceBackup();
    opened.close();
    const first = restoreBackup({ dataDir, backupFile: backup.file, key: KEY, now: LATER });
    const second = restoreBackup({ dataDir, backupFile: backup.file, key: KEY, now: LATER });
    expect(second.setAsideAs).not.toBe(first.setAsideAs);
    expect(existsSync(first.setAsideAs!)).toBe(true);
    expect(existsSync(second.setAsideAs!)).toBe(true);
  });

  it('restores the copy openDatabase makes before a migration (a WAL-mode file) without leaving -wal/-shm about', async () => {
    const { dataDir, opened } = dataDirWithDatabase();
    insertPerson(opened.sqlite);
    opened.close(); // checkpointed: the file alone holds everything, its header still says WAL
    const legacy = join(dataDir, 'backups', 'griddesk-before-v2-2026-04-01T00-00-00-000Z.db');
    mkdirSync(join(dataDir, 'backups'));
    copyFileSync(opened.file, legacy);
    const later = openDatabase({ file: opened.file, key: KEY });
    insertPerson(later.sqlite, '李四', '370202199002022345');
    later.close();

    expect(listBackups(dataDir)).toMatchObject([{ file: legacy, reason: 'pre-migrate', encrypted: true }]);
    restoreBackup({ dataDir, backupFile: legacy, key: KEY, now: LATER });
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([basename(legacy)]);
    expect(readdirSync(dataDir).sort()).toEqual(['backups', 'griddesk.db', 'set-aside']);
    const restored = openDatabase({ file: opened.file, key: KEY });
    expect(peopleNames(restored.sqlite)).toEqual([NAME]);
    restored.close();
  });
});
