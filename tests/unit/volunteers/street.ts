import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

export { openImportStreet, upload, xlsx, csv, type ImportStreet } from '../imports/fixture';

const TABLES = ['people', 'volunteer_profiles', 'volunteer_status_changes', 'volunteer_specialties', 'audit_log'];

/** SHA-256 of every row of the tables the registry writes. */
export function dataState(sqlite: Database.Database): Record<string, string> {
  return Object.fromEntries(
    TABLES.map((table) => [table, createHash('sha256').update(JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all())).digest('hex')]),
  );
}
