import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The request ids of changes made through the contract, each written in the same transaction as
 * the change itself: a client that retries with the same id (its reply was lost, the app was
 * killed mid-call) is answered with the first result instead of changing anything twice. Kept
 * for a day; local to this PC (no sync columns).
 */
export const requestIds = sqliteTable(
  'request_ids',
  {
    /** Chosen by the client, one per intended change. */
    id: text('id').primaryKey(),
    /** The account that made the change: another account's id is refused. */
    account: text('account').notNull(),
    /** The contract method: the same id with another method is refused. */
    method: text('method').notNull(),
    /** The reply's result, as JSON. */
    result: text('result').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('request_ids_created_idx').on(t.createdAt)],
);
