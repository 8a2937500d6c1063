import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * 审计日志: who did what, when — append-only and hash-chained (see `db/audit/hash.ts` for the
 * exact hash format). It stays on this PC and never travels in bundles, so no sync columns.
 *
 * `seq` is the rowid, but never assigned by SQLite: `appendAudit` takes the next number after
 * the anchored head (`meta` key `audit.head`), so a number is never reused, even if the newest
 * rows were removed behind the app's back. Triggers added by hand to the migration refuse
 * UPDATE and DELETE on this table, and any move of `audit.head` other than forward.
 *
 * Never write personal data (ID numbers, phone numbers, addresses) into `target` or `detail`:
 * this table cannot be edited, so what goes in can never be erased. Record *that* something
 * was revealed or changed and the record's id, not the value.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    /** Unix milliseconds. */
    at: integer('at').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    /** `domain.verb`: `auth.login`, `person.reveal`, `bundle.import`, … */
    action: text('action').notNull(),
    target: text('target'),
    /** Canonical JSON text, or null. */
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action, t.seq),
    index('audit_log_actor_idx').on(t.actorId, t.seq),
    index('audit_log_target_idx').on(t.target, t.seq),
  ],
);

/**
 * 审计锚点: signed statements of where the audit chain stood (`db/audit/anchors.ts`), outside
 * the chain. Each is signed by the street office's key, which only administrators and data
 * officers can unwrap, and carries the previous anchor's hash; the newest is also kept in
 * `audit-anchor.json` beside the database and, with the table, in every backup. Someone who can
 * rewrite the chain can delete anchors but cannot make new ones, so a rewritten chain no longer
 * matches the anchors that survive anywhere. Triggers added by hand refuse UPDATE and DELETE.
 */
export const auditAnchors = sqliteTable('audit_anchors', {
  seq: integer('seq').primaryKey(),
  /** Unix milliseconds. */
  at: integer('at').notNull(),
  /** `sign-in`, `backup`, `bundle` or `restore`. */
  reason: text('reason').notNull(),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  /** The chain's head when signed: `seq` and `hash` of its newest entry (0 and 64 zeros when empty). */
  auditSeq: integer('audit_seq').notNull(),
  auditHash: text('audit_hash').notNull(),
  /** `hash` of the previous anchor, or 64 zeros for the first. */
  prevAnchor: text('prev_anchor').notNull(),
  /** The office key's id, 16 hex digits. */
  keyId: text('key_id').notNull(),
  /** Canonical JSON text, or null (a restore names the replaced chain here). */
  detail: text('detail'),
  /** SHA-256 of the signed text, hex. */
  hash: text('hash').notNull(),
  /** Ed25519 signature of the signed text, base64. */
  signature: text('signature').notNull(),
});
