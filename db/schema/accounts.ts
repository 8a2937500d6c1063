import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { roles } from '../auth/roles';

/**
 * Local accounts of this office PC. They do not travel between offices, so they carry no sync
 * columns. No password hash here: the account's key slot in `keyring.json` is the verifier
 * (unwrapping it proves the password) and the only place the password matters.
 */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  /** For grid workers: the grid ids they may read and edit (JSON array). */
  gridIds: text('grid_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** Analysts see personal data only when granted. */
  seesPersonalData: integer('sees_personal_data', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  passwordChangedAt: integer('password_changed_at').notNull(),
  lastLoginAt: integer('last_login_at'),
});
