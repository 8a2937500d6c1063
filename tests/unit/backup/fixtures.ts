import type Database from 'better-sqlite3-multiple-ciphers';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { openDatabase, type OpenedDatabase } from '../../../db/client/open';
import { databaseFile } from '../../../db/host';
import { formatHlc } from '../../../db/sync/hlc';
import { uuidv7 } from '../../../db/sync/ids';
import { tempDir } from '../helpers/tmp';

export const KEY = Buffer.alloc(32, 0x5a);
export const OTHER_KEY = Buffer.alloc(32, 0x5b);
export const NAME = '张三丰';
export const ID_NUMBER = '370202198001011234';
export const PAGE = 4096;

/** A data directory with a GridDesk database (encrypted with KEY unless `plain`), still open. */
export function dataDirWithDatabase(options: { plain?: boolean } = {}): { dataDir: string; opened: OpenedDatabase } {
  const dataDir = tempDir('gd-backup-');
  const opened = openDatabase({ file: databaseFile(dataDir), ...(options.plain ? {} : { key: KEY }) });
  return { dataDir, opened };
}

let clock = 1_700_000_000_000;

/** Inserts a resident with raw SQL; returns the row id. */
export function insertPerson(sqlite: Database.Database, name = NAME, idNumber = ID_NUMBER): string {
  clock += 1;
  const id = uuidv7(clock);
  sqlite
    .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source) VALUES (?,?,?,?,?,?,?,?)`)
    .run(id, formatHlc({ wall: clock, counter: 0, node: 'test' }), 'test', name, 'male', '13805320000', idNumber, 'registry');
  return id;
}

export function peopleNames(sqlite: Database.Database): string[] {
  return (sqlite.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** Whether the file's bytes contain the text (UTF-8). */
export function fileContains(file: string, text: string): boolean {
  return readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

/** Runs the sqlite3 command-line shell on the file; returns its output or throws with its stderr. */
export function sqliteCli(file: string, sql: string): string {
  try {
    return execFileSync('/usr/bin/sqlite3', ['-readonly', file, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(String((err as { stderr?: string }).stderr ?? err), { cause: err });
  }
}

export function writeAt(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Flips one bit of the byte at `offset`. */
export function flipByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, offset);
    b[0] = b[0]! ^ 0x01;
    writeSync(fd, b, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

/** Cuts the file to half its pages. */
export function truncateToHalf(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, Math.floor(statSync(file).size / PAGE / 2) * PAGE);
  } finally {
    closeSync(fd);
  }
}

/** Offset of a byte in the middle of the file, inside a page (not page 1). */
export function middleOffset(file: string): number {
  const pages = statSync(file).size / PAGE;
  return Math.max(1, Math.floor(pages / 2)) * PAGE + 1500;
}

/** Overwrites 64 bytes inside the given page (1-based), as the attacker's report did. */
export function damagePage(file: string, page: number): void {
  writeAt(file, (page - 1) * PAGE + 1000, Buffer.alloc(64, 0xa5));
}

/**
 * An encrypted database (plain if asked) with 300 residents, closed cleanly; `peoplePage` is the
 * root page of the residents' table, which sign-in and most reads never touch.
 */
export function closedDatabaseWithPeople(options: { plain?: boolean } = {}): { dataDir: string; file: string; peoplePage: number } {
  const { dataDir, opened } = dataDirWithDatabase(options);
  opened.sqlite.transaction(() => {
    for (let i = 0; i < 300; i++) insertPerson(opened.sqlite, `居民${i}`, `37020219800101${String(i).padStart(4, '0')}`);
  })();
  const peoplePage = opened.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'people'`).pluck().get() as number;
  opened.close();
  return { dataDir, file: databaseFile(dataDir), peoplePage };
}
