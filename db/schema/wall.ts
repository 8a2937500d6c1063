import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Wall PCs paired to show the 大屏 in browser mode. Each holds a device credential (a cookie);
 * only its SHA-256 is kept here. Local to this PC, like the listener it is paired with: no sync columns.
 */
export const wallDisplays = sqliteTable(
  'wall_displays',
  {
    id: text('id').primaryKey(),
    /** What the administrator or leader called it when making the pairing code (会议室大屏). */
    name: text('name').notNull(),
    /** SHA-256 (hex) of the device credential. */
    tokenHash: text('token_hash').notNull().unique(),
    pairedAt: integer('paired_at').notNull(),
    /** The display name of the account whose code it used. */
    pairedBy: text('paired_by').notNull(),
    /** The wall PC's address when it paired. */
    pairedFrom: text('paired_from').notNull(),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('wall_displays_paired_idx').on(t.pairedAt)],
);
