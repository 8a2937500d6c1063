import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The trust list: partner offices (the city, the district, other street offices) whose bundles
 * this office accepts and to whom it may send, each added from its key card. Local to this
 * office: no sync columns. A revoked partner stays listed (old bundles still name it).
 */
export const bundlePartners = sqliteTable('bundle_partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  officeCode: text('office_code').notNull(),
  /** The minisign key id, 16 upper-case hex digits. */
  keyId: text('key_id').notNull().unique(),
  minisignPublicKey: text('minisign_public_key').notNull(),
  ageRecipient: text('age_recipient').notNull(),
  addedAt: integer('added_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/** Bundles sent and received, with the sender's sequence number and what the import did. */
export const bundleLog = sqliteTable(
  'bundle_log',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['sent', 'received'] }).notNull(),
    senderCode: text('sender_code').notNull(),
    senderKeyId: text('sender_key_id').notNull(),
    /** For a sent bundle, its recipients' office codes; for a received one, this office's. */
    recipientCodes: text('recipient_codes', { mode: 'json' }).$type<string[]>().notNull(),
    sequence: integer('sequence').notNull(),
    fileName: text('file_name').notNull(),
    /** The highest row stamp the bundle carried: where "changes since the last bundle" starts. */
    upTo: text('up_to'),
    rows: integer('rows').notNull(),
    /** What an import did: created, updated, unchanged, conflicts. */
    summary: text('summary', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('bundle_log_sender_idx').on(t.senderKeyId, t.sequence)],
);

/**
 * Per travelling row that came through a merge: its version vector (node id → newest stamp of
 * that node the row includes) and the fields this version does not know, kept to send on.
 */
export const syncRowMeta = sqliteTable(
  'sync_row_meta',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    vv: text('vv', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** When a bundle last changed the row here: "changes since the last bundle" sends it on even if its stamp is older. */
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('sync_row_meta_received_idx').on(t.receivedAt)],
);

/** A row changed on both sides since they last exchanged: the version that did not win, until resolved. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    /** The version kept in the row when the conflict was found. */
    kept: text('kept', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The other version (whole row with its `_vv`). */
    other: text('other', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Whether `kept` is this office's own version. */
    keptIsMine: integer('kept_is_mine', { mode: 'boolean' }).notNull(),
    bundleId: text('bundle_id'),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
    resolution: text('resolution', { enum: ['mine', 'theirs'] }),
  },
  (t) => [index('sync_conflicts_open_idx').on(t.resolvedAt, t.tableName, t.rowId)],
);

/**
 * The signed audit anchors received in bundles, per sender key: where the sender's audit chain
 * stood (its newest entry's seq and hash) when it sent, signed with its office key. Kept as
 * received, for checking that sender's chain later; local, no sync columns.
 */
export const bundleAnchors = sqliteTable(
  'bundle_anchors',
  {
    /** The sender's minisign key id (as in `bundle_partners.key_id`). */
    senderKeyId: text('sender_key_id').notNull(),
    senderCode: text('sender_code').notNull(),
    /** The anchor's own sequence at the sender. */
    seq: integer('seq').notNull(),
    auditSeq: integer('audit_seq').notNull(),
    auditHash: text('audit_hash').notNull(),
    /** The anchor's hash and the whole signed anchor as JSON. */
    hash: text('hash').notNull(),
    anchor: text('anchor').notNull(),
    /** The bundle that brought it. */
    bundleSequence: integer('bundle_sequence').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.senderKeyId, t.seq] })],
);
