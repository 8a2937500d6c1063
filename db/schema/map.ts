import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { buildings } from './territory';

/**
 * The map's revision log: for each building whose map record (its status) has changed, the
 * street-wide revision of its latest change. The current revision is the highest one here, so a
 * window that has revision R asks for the rows above R and gets every building changed since,
 * once each. Bookkeeping of this database file, not merged between offices.
 */
export const mapChanges = sqliteTable(
  'map_changes',
  {
    buildingId: text('building_id')
      .primaryKey()
      .references(() => buildings.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
  },
  (t) => [index('map_changes_revision_idx').on(t.revision)],
);
