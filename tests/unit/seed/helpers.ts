/** Test helper: a fresh migrated database file in its own temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase, type OpenedDatabase } from '../../../db/client/open';

export function tempDatabase(): OpenedDatabase & { dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gd-'));
  const opened = openDatabase({ file: join(dir, 'griddesk.db') });
  return Object.assign(opened, {
    dispose() {
      opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export const SEEDED_TABLES = [
  'street_offices', 'communities', 'zones', 'grids', 'compounds', 'buildings', 'units', 'people', 'duty_assignments',
  'building_status_history', 'households', 'residents', 'resident_tags', 'requests', 'request_events', 'safe_compounds',
  'screening_rounds', 'screening_visits', 'duty_posts', 'shift_templates', 'shift_assignments',
] as const;

/** SHA-256 over every row of every seeded table (ordered by id) and the meta table. */
export function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of SEEDED_TABLES)
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate()) hash.update(JSON.stringify(row));
  for (const row of sqlite.prepare('SELECT * FROM meta ORDER BY key').raw().iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}
