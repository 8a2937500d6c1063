import type Database from 'better-sqlite3-multiple-ciphers';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { DatabaseOpenError } from '../errors';

export const MIGRATIONS_TABLE = '__griddesk_migrations';

export function loadMigrations(dir: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: dir });
}

/** How many migrations this file has had, as recorded in `PRAGMA user_version`. */
export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the pending migrations. Foreign keys are switched off on the connection *outside*
 * the transaction (a pragma inside one is ignored), so that a table rebuild — create new,
 * copy, drop old, rename — cannot cascade deletes into child tables. Every pending migration
 * runs in one transaction, and `foreign_key_check` must come back empty before it commits:
 * a migration either applies whole and consistent, or not at all.
 */
export function applyMigrations(sqlite: Database.Database, migrations: MigrationMeta[], file: string): number {
  const from = schemaVersion(sqlite);
  const pending = migrations.slice(from);
  if (pending.length === 0) return 0;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      sqlite.exec(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at INTEGER NOT NULL, applied_at INTEGER NOT NULL)`,
      );
      const record = sqlite.prepare(
        `INSERT INTO ${MIGRATIONS_TABLE} (version, hash, created_at, applied_at) VALUES (?, ?, ?, ?)`,
      );
      pending.forEach((m, i) => {
        for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
        record.run(from + i + 1, m.hash, m.folderMillis, Date.now());
      });
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new DatabaseOpenError(
          'MIGRATION_FAILED',
          `数据库升级后外键检查失败（${violations.length} 处），已撤销升级，数据保持原样`,
          file,
        );
      }
      sqlite.pragma(`user_version = ${from + pending.length}`);
      sqlite.exec('COMMIT');
    } catch (err) {
      sqlite.exec('ROLLBACK');
      if (err instanceof DatabaseOpenError) throw err;
      throw new DatabaseOpenError('MIGRATION_FAILED', `数据库升级失败，已撤销，数据保持原样：${(err as Error).message}`, file);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending.length;
}
