import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Settings of this installation, one JSON value per key (`briefing`: how the wall display turns
 * its panels). Local to this PC, like the screens it configures: no sync columns.
 */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** The display name of the account that saved it. */
  updatedBy: text('updated_by').notNull(),
});
