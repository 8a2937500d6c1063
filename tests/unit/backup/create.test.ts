import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedBackups } from '../../../db/backup/checked';
import { createBackup } from '../../../db/backup/create';
import { listBackups } from '../../../db/backup/list';
import { applyKey } from '../../../db/client/cipher';
import { APPLICATION_ID, openDatabase } from '../../../db/client/open';
import { tempDir } from '../helpers/tmp';
import {
  ID_NUMBER,
  KEY,
  NAME,
  OTHER_KEY,
  closedDatabaseWithPeople,
  damagePage,
  dataDirWithDatabase,
  fileContains,
  insertPerson,
  peopleNames,
  sqliteCli,
} from './fixtures';

const AT = new Date(2026, 2, 14, 9, 5, 7);

describe('what sqlite.backup() does with an encrypted connection (the finding create.ts is built on)', () => {
  it('refuses to back up into a new file rather than writing plaintext, and leaves an empty file', async () => {
    const { opened } = dataDirWithDatabase();
    insertPerson(opened.sqlite);
    const target = join(tempDir(), 'copy.db');
    await expect(opened.sqlite.backup(target)).rejects.toThrow(/backup is not supported with incompatible source and target databases/);
    expect(statSync(target).size).toBe(0);
    opened.close();
  });

  it('refuses a destination created beforehand with the same key too (the key belongs to the connection)', async () => {
    const { opened } = dataDirWithDatabase();
    const target = join(tempDir(), 'keyed.db');
    const pre = new Database(target);
    applyKey(pre, KEY);
    pre.exec('CREATE TABLE x (y); DROP TABLE x;');
    pre.close();
    await expect(opened.sqlite.backup(target)).rejects.toThrow(/incompatible source and target/);
    opened.close();
  });
});

describe('createBackup', () => {
  it('refuses to copy a damaged database, saying so, and leaves the good backups as they were', async () => {
    const { dataDir, file, peoplePage } = closedDatabaseWithPeople();
    const before = openDatabase({ file, key: KEY });
    const good = await createBackup(before.sqlite, { dataDir, key: KEY, reason: 'auto', now: AT });
    before.close();
    damagePage(file, peoplePage);

    const opened = openDatabase({ file, key: KEY });
    const refused = createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'manual' });
    await expect(refused).rejects.toMatchObject({ key: 'backup.sourceDamaged', message: expect.stringMatching(/^数据库文件已损坏（完整性检查未通过：.+），不能用它做备份/) });
    opened.close();
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(['checked.json', good.name]);
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([good.name]);
  });

  it('writes an encrypted, verified copy that sqlite3 cannot read and the key opens, WAL content included', async () => {
    const { dataDir, opened } = dataDirWithDatabase();
    insertPerson(opened.sqlite);
    // Still in the WAL (no checkpoint): the backup must include it.
    expect(existsSync(`${opened.file}-wal`)).toBe(true);

    const info = await createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'manual', now: AT });
    opened.close();

    expect(info.name).toBe('griddesk-20260314-090507-manual.db');
    expect(info.file).toBe(join(dataDir, 'backups', info.name));
    expect(info).toMatchObject({ reason: 'manual', encrypted: true, method: 'vacuum-into', createdAt: AT.getTime() });
    expect(info.size).toBe(statSync(info.file).size);
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(['checked.json', info.name]);
    expect(checkedBackups(dataDir)(info)).toBe(true);

    expect(fileContains(info.file, NAME)).toBe(false);
    expect(fileContains(info.file, ID_NUMBER)).toBe(false);
    expect(readFileSync(info.file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(() => sqliteCli(info.file, 'SELECT count(*) FROM people')).toThrow(/file is not a database/);
    if (process.platform !== 'win32') expect(statSync(info.file).mode & 0o777).toBe(0o600);

    const copy = new Database(info.file, { readonly: true, fileMustExist: true });
    applyKey(copy, KEY);
    expect(peopleNames(copy)).toEqual([NAME]);
    expect(copy.prepare('SELECT id_number FROM people').pluck().get()).toBe(ID_NUMBER);
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    const reopened = openDatabase({ file: info.file, key: KEY, readonly: true });
    expect(reopened.migrated).toBe(0);
    reopened.close();
  });

  it('copies a plain database with the online backup API, as one self-contained plain file', async () => {
    const { dataDir, opened } = dataDirWithDatabase({ plain: true });
    insertPerson(opened.sqlite, '李四');
    const info = await createBackup(opened.sqlite, { dataDir, reason: 'auto', now: AT });
    opened.close();
    expect(info).toMatchObject({ method: 'backup-api', encrypted: false, name: 'griddesk-20260314-090507-auto.db' });
    expect(sqliteCli(info.file, 'SELECT name FROM people').trim()).toBe('李四');
    expect(sqliteCli(info.file, 'PRAGMA journal_mode').trim()).toBe('delete');
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(['checked.json', info.name]);
    expect(checkedBackups(dataDir)(info)).toBe(true);
  });

  it('never makes a backup encrypted differently from the database', async () => {
    const enc = dataDirWithDatabase();
    await expect(createBackup(enc.opened.sqlite, { dataDir: enc.dataDir, reason: 'manual' })).rejects.toThrow(/需要数据库密钥/);
    enc.opened.close();
    const plain = dataDirWithDatabase({ plain: true });
    await expect(createBackup(plain.opened.sqlite, { dataDir: plain.dataDir, key: KEY, reason: 'manual' })).rejects.toThrow(/没有加密/);
    plain.opened.close();
    expect(existsSync(join(enc.dataDir, 'backups'))).toBe(false);
    expect(existsSync(join(plain.dataDir, 'backups'))).toBe(false);
  });

  it('discards a copy that does not verify with the given key and leaves nothing behind', async () => {
    const { dataDir, opened } = dataDirWithDatabase();
    insertPerson(opened.sqlite);
    await expect(createBackup(opened.sqlite, { dataDir, key: OTHER_KEY, reason: 'manual', now: AT })).rejects.toThrow(/校验未通过/);
    opened.close();
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([]);
  });

  it('gives two backups made in the same second different names, both listed', async () => {
    const { dataDir, opened } = dataDirWithDatabase();
    const a = await createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'auto', now: AT });
    const b = await createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'auto', now: AT });
    opened.close();
    expect([a.name, b.name]).toEqual(['griddesk-20260314-090507-auto.db', 'griddesk-20260314-090507-auto-2.db']);
    expect(listBackups(dataDir).map((i) => basename(i.file)).sort()).toEqual([a.name, b.name].sort());
  });

  it('refuses while a transaction is open', async () => {
    const { dataDir, opened } = dataDirWithDatabase();
    opened.sqlite.exec('BEGIN');
    await expect(createBackup(opened.sqlite, { dataDir, key: KEY, reason: 'manual' })).rejects.toThrow(/事务/);
    opened.sqlite.exec('ROLLBACK');
    opened.close();
  });
});
