import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../../db/client/open';
import { migrationsDir } from '../../../db/client/app-root';
import { DatabaseOpenError } from '../../../db/errors';
import { countRows, insertMiniTerritory } from '../helpers/territory';
import { fileState, tempDir } from '../helpers/tmp';

const shippedCount = (JSON.parse(readFileSync(join(migrationsDir(), 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries
  .length;

/** A copy of the shipped migrations plus one more, as drizzle-kit would write it. */
function migrationsWith(extraSql: string, tag = '9000_extra'): string {
  const dir = join(tempDir('gd-mig-'), 'migrations');
  cpSync(migrationsDir(), dir, { recursive: true });
  const journalFile = join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[] };
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(join(dir, `${tag}.sql`), extraSql);
  return dir;
}

/** What drizzle-kit generates to change a column of `compounds`: create, copy, drop, rename. */
const REBUILD_COMPOUNDS = [
  'PRAGMA foreign_keys=OFF;',
  `CREATE TABLE \`__new_compounds\` (
    \`id\` text PRIMARY KEY NOT NULL, \`hlc\` text NOT NULL, \`origin\` text NOT NULL, \`deleted\` integer DEFAULT false NOT NULL,
    \`grid_id\` text NOT NULL, \`name\` text NOT NULL, \`kind\` text NOT NULL, \`road\` text NOT NULL,
    \`has_property_mgmt\` integer NOT NULL, \`open_compound\` integer NOT NULL, \`note\` text,
    FOREIGN KEY (\`grid_id\`) REFERENCES \`grids\`(\`id\`) ON UPDATE no action ON DELETE cascade);`,
  `INSERT INTO \`__new_compounds\`("id", "hlc", "origin", "deleted", "grid_id", "name", "kind", "road", "has_property_mgmt", "open_compound")
     SELECT "id", "hlc", "origin", "deleted", "grid_id", "name", "kind", "road", "has_property_mgmt", "open_compound" FROM \`compounds\`;`,
  'DROP TABLE `compounds`;',
  'ALTER TABLE `__new_compounds` RENAME TO `compounds`;',
  'PRAGMA foreign_keys=ON;',
  'CREATE INDEX `compounds_grid_idx` ON `compounds` (`grid_id`);',
].join('\n--> statement-breakpoint\n');

/** A plain SQLite file of some other program, with a table of its own. */
function otherProgramsDatabase(dir: string): string {
  const file = join(dir, 'other.db');
  const other = new Database(file);
  other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'x\')');
  other.close();
  return file;
}

describe('openDatabase', () => {
  it('creates a new file with WAL, foreign keys, busy timeout, NORMAL sync and every migration', () => {
    const file = join(tempDir(), 'g.db');
    const opened = openDatabase({ file });
    const { sqlite } = opened;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(opened.schemaVersion).toBe(shippedCount);
    expect(opened.migrated).toBe(shippedCount);
    expect(opened.backupFile).toBeUndefined();
    opened.close();
    const again = openDatabase({ file });
    expect(again.migrated).toBe(0);
    again.close();
  });

  it('backs up the file before migrating and migrates a table rebuild without losing cascaded children', () => {
    const dir = tempDir();
    const file = join(dir, 'g.db');
    const first = openDatabase({ file });
    const t = insertMiniTerritory(first.sqlite, 7);
    first.close();

    const opened = openDatabase({ file, migrations: migrationsWith(REBUILD_COMPOUNDS) });
    expect(opened.migrated).toBe(1);
    expect(opened.schemaVersion).toBe(shippedCount + 1);
    expect(countRows(opened.sqlite, 'compounds')).toBe(1);
    expect(countRows(opened.sqlite, 'buildings')).toBe(7);
    expect(countRows(opened.sqlite, 'building_status_history')).toBe(7);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    const columns = (opened.sqlite.pragma('table_info(compounds)') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('note');
    // Cascades still work after the rebuild: the FK points at the new table.
    opened.sqlite.prepare('DELETE FROM compounds WHERE id = ?').run(t.compound);
    expect(countRows(opened.sqlite, 'buildings')).toBe(0);
    opened.close();

    expect(opened.backupFile).toBeDefined();
    const backup = new Database(opened.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(shippedCount);
    expect(countRows(backup, 'buildings')).toBe(7);
    backup.close();
  });

  it('would lose the children if the same rebuild ran with foreign keys on (the hazard the migrator avoids)', () => {
    const file = join(tempDir(), 'g.db');
    const opened = openDatabase({ file });
    insertMiniTerritory(opened.sqlite, 3);
    const { sqlite } = opened;
    sqlite.transaction(() => {
      for (const s of REBUILD_COMPOUNDS.split('--> statement-breakpoint')) sqlite.exec(s);
    })();
    expect(countRows(sqlite, 'buildings')).toBe(0);
    opened.close();
  });

  it('rolls a failing migration back whole and leaves the data as it was', () => {
    const file = join(tempDir(), 'g.db');
    const first = openDatabase({ file });
    insertMiniTerritory(first.sqlite, 2);
    first.close();
    const broken = `ALTER TABLE \`buildings\` ADD \`note\` text;\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);`;
    expect(() => openDatabase({ file, migrations: migrationsWith(broken) })).toThrowError(
      expect.objectContaining({ code: 'MIGRATION_FAILED' }),
    );
    const after = openDatabase({ file });
    expect(after.schemaVersion).toBe(shippedCount);
    expect(countRows(after.sqlite, 'buildings')).toBe(2);
    expect((after.sqlite.pragma('table_info(buildings)') as { name: string }[]).map((c) => c.name)).not.toContain('note');
    after.close();
  });

  it('refuses a migration that leaves dangling foreign keys', () => {
    const file = join(tempDir(), 'g.db');
    const first = openDatabase({ file });
    insertMiniTerritory(first.sqlite, 2);
    first.close();
    const dangling = 'DELETE FROM `grids`;';
    expect(() => openDatabase({ file, migrations: migrationsWith(dangling) })).toThrowError(/外键检查失败/);
    const after = openDatabase({ file });
    expect(countRows(after.sqlite, 'grids')).toBe(1);
    after.close();
  });

  it('refuses a database written by a newer version without touching it', () => {
    const file = join(tempDir(), 'g.db');
    const first = openDatabase({ file });
    first.sqlite.pragma(`user_version = ${shippedCount + 5}`);
    first.close();
    const before = fileState(file);
    let error: unknown;
    try {
      openDatabase({ file });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('NEWER_VERSION');
    expect((error as Error).message).toMatch(/更新版本/);
    expect(fileState(file)).toBe(before);
    expect(readdirSync(join(file, '..'))).not.toContain('backups');
  });

  it('refuses a foreign SQLite database and a file that is not a database, without touching either', () => {
    const dir = tempDir();
    const foreign = otherProgramsDatabase(dir);
    const foreignBefore = fileState(foreign);
    expect(() => openDatabase({ file: foreign })).toThrowError(expect.objectContaining({ code: 'FOREIGN_DATABASE' }));
    expect(fileState(foreign)).toBe(foreignBefore);

    const junk = join(dir, 'junk.db');
    writeFileSync(junk, Buffer.from('PK\u0003\u0004 this is a zip, not a database '.repeat(200)));
    const junkBefore = fileState(junk);
    expect(() => openDatabase({ file: junk })).toThrowError(expect.objectContaining({ code: 'NOT_A_DATABASE' }));
    expect(fileState(junk)).toBe(junkBefore);
  });

  it('names another program\'s plain SQLite file as such when a key is given, and leaves it and its mode alone', () => {
    const dir = tempDir();
    const foreign = otherProgramsDatabase(dir);
    chmodSync(foreign, 0o644);
    const before = fileState(foreign);
    expect(() => openDatabase({ file: foreign, key: Buffer.alloc(32, 0x5a) })).toThrowError(
      expect.objectContaining({ code: 'FOREIGN_DATABASE', message: expect.stringMatching(/^这是另一个程序的 SQLite 数据库，不是 GridDesk 的数据文件/) }),
    );
    expect(fileState(foreign)).toBe(before);
    expect(statSync(foreign).mode & 0o777).toBe(0o644);

    // A plain GridDesk database given a key is not called foreign, nor a wrong key.
    const plain = join(dir, 'plain.db');
    openDatabase({ file: plain }).close();
    expect(() => openDatabase({ file: plain, key: Buffer.alloc(32, 0x5a) })).toThrowError(
      expect.objectContaining({ code: 'NOT_ENCRYPTED', message: expect.stringMatching(/未加密的 GridDesk 数据库/) }),
    );
  });

  it('creates the database 0600 and narrows one an older version left readable by everyone', () => {
    const previous = process.umask(0o022);
    try {
      const file = join(tempDir(), 'data', 'g.db');
      const opened = openDatabase({ file, key: Buffer.alloc(32, 0x5a) });
      insertMiniTerritory(opened.sqlite, 1);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777).toBe(0o600);
      expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
      opened.close();
      chmodSync(file, 0o644);
      const again = openDatabase({ file, key: Buffer.alloc(32, 0x5a) });
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777).toBe(0o600);
      again.close();
    } finally {
      process.umask(previous);
    }
  });

  it('encrypts with a key, and a wrong key is refused without touching the file', () => {
    const file = join(tempDir(), 'enc.db');
    const key = Buffer.alloc(32, 0x5a);
    const opened = openDatabase({ file, key });
    insertMiniTerritory(opened.sqlite, 2);
    opened.close();
    expect(readFileSync(file).includes(Buffer.from('永安西里社区'))).toBe(false);
    const before = fileState(file);
    expect(() => openDatabase({ file, key: Buffer.alloc(32, 0x5b) })).toThrowError(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(() => openDatabase({ file })).toThrowError(expect.objectContaining({ code: 'NOT_A_DATABASE' }));
    expect(fileState(file)).toBe(before);
    const again = openDatabase({ file, key });
    expect(countRows(again.sqlite, 'buildings')).toBe(2);
    again.close();
    expect(existsSync(file)).toBe(true);
  });
});
