import type Database from 'better-sqlite3-multiple-ciphers';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import * as schema from '../schema';

export type GridDb = BetterSQLite3Database<typeof schema>;

/**
 * drizzle over an already opened better-sqlite3-multiple-ciphers connection. This is what
 * `drizzle({ client })` does, without its entry module's top-level `import "better-sqlite3"`
 * (the plain package, which GridDesk does not ship).
 */
export function drizzleOver(client: Database.Database): GridDb {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession(client as never, dialect, relational, {});
  const db = new BaseSQLiteDatabase('sync', dialect, session as never, relational as never) as unknown as GridDb;
  (db as unknown as { $client: unknown }).$client = client;
  return db;
}
