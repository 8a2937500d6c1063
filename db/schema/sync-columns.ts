import { getTableName } from 'drizzle-orm';
import { index, integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Columns every record that travels between offices carries (see docs/architecture.md):
 * a UUIDv7 id, the HLC timestamp of its last change, the node that made that change,
 * and a tombstone instead of a hard delete.
 */
export function syncColumns() {
  return {
    id: text('id').primaryKey(),
    hlc: text('hlc').notNull(),
    origin: text('origin').notNull(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
  };
}

/** The index that "changes since" reads (`db/sync/changes.ts`): (hlc, id), named `<table>_hlc_idx`. */
export function hlcIndex(t: { hlc: AnySQLiteColumn; id: AnySQLiteColumn }) {
  return index(`${getTableName(t.hlc.table)}_hlc_idx`).on(t.hlc, t.id);
}
