import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { buildings, compounds } from './territory';

/**
 * The control statuses in use. The four built-in ones are created by the first migration;
 * an administrator may rename them, recolour them or add more (cities name them differently).
 * `rank` orders them by severity: 0 is the baseline (正常), higher is stricter.
 */
export const statusDefinitions = sqliteTable(
  'status_definitions',
  {
    ...syncColumns(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    labelEn: text('label_en').notNull(),
    color: text('color').notNull(),
    rank: integer('rank').notNull(),
    /** Retired statuses stay readable in history but cannot be set any more. */
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [hlcIndex(t), uniqueIndex('status_definitions_key_uq').on(t.key)],
);

/** One bulk change (or the undo of one): a status set on many buildings with one reason. */
export const statusBatches = sqliteTable(
  'status_batches',
  {
    ...syncColumns(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    /** What was selected, in words: 「套索选择 128 栋」, 「网格 中山路社区第3网格」. */
    selection: text('selection').notNull(),
    buildingCount: integer('building_count').notNull(),
    changedBy: text('changed_by').notNull(),
    /** The account that made the change: only they may undo it. */
    changedById: text('changed_by_id').notNull(),
    changedAt: integer('changed_at').notNull(),
    effectiveFrom: integer('effective_from').notNull(),
    effectiveUntil: integer('effective_until'),
    /** Set on an undo batch: the batch it reverts. */
    undoesBatchId: text('undoes_batch_id'),
    /** Set on a batch once it has been undone: the undo batch. */
    undoneByBatchId: text('undone_by_batch_id'),
  },
  (t) => [hlcIndex(t), index('status_batches_changed_idx').on(t.changedAt), index('status_batches_account_idx').on(t.changedById, t.changedAt)],
);

/** Every change of a building's control status: who, when, why, from when, until when. */
export const buildingStatusHistory = sqliteTable(
  'building_status_history',
  {
    ...syncColumns(),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    previousStatus: text('previous_status'),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: integer('changed_at').notNull(),
    effectiveFrom: integer('effective_from').notNull(),
    effectiveUntil: integer('effective_until'),
    /** The bulk change (or undo) this entry belongs to, or null for a single change. */
    batchId: text('batch_id'),
  },
  (t) => [
    hlcIndex(t),
    index('status_history_building_idx').on(t.buildingId, t.changedAt),
    index('status_history_effective_idx').on(t.effectiveFrom),
    index('status_history_batch_idx').on(t.batchId),
  ],
);

/**
 * 放心楼院: the red-flag designation of a compound that meets the self-governance standard.
 * Separate from the control status; revoking keeps the row (revoked_at set).
 */
export const safeCompounds = sqliteTable(
  'safe_compounds',
  {
    ...syncColumns(),
    compoundId: text('compound_id').notNull().references(() => compounds.id, { onDelete: 'cascade' }),
    grantedAt: integer('granted_at').notNull(),
    /** The criteria met, as a JSON array of strings. */
    criteria: text('criteria', { mode: 'json' }).$type<string[]>().notNull(),
    note: text('note'),
    grantedBy: text('granted_by').notNull(),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [hlcIndex(t), index('safe_compounds_compound_idx').on(t.compoundId)],
);
