import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns';
import { buildings, controlStatuses } from './territory';

/** Every change of a building's control status: who, when, why, from when, until when. */
export const buildingStatusHistory = sqliteTable(
  'building_status_history',
  {
    ...syncColumns(),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    status: text('status', { enum: controlStatuses }).notNull(),
    previousStatus: text('previous_status', { enum: controlStatuses }),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: integer('changed_at').notNull(),
    effectiveFrom: integer('effective_from').notNull(),
    effectiveUntil: integer('effective_until'),
  },
  (t) => [index('status_history_building_idx').on(t.buildingId, t.changedAt)],
);
