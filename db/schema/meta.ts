import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about this database file: its node id, when it was created, the seed it came from. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
