import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { buildings, grids } from './territory';
import { households } from './residents';

export const screeningScopes = ['street', 'communities', 'grids'] as const;
export type ScreeningScope = (typeof screeningScopes)[number];

/** 入户摸排: one round of door-to-door screening over a scope. */
export const screeningRounds = sqliteTable(
  'screening_rounds',
  {
    ...syncColumns(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    scopeType: text('scope_type', { enum: screeningScopes }).notNull(),
    /** Community or grid ids (JSON array); empty for the whole street. */
    scopeIds: text('scope_ids', { mode: 'json' }).$type<string[]>().notNull(),
    startedAt: integer('started_at').notNull(),
    startedBy: text('started_by').notNull(),
    closedAt: integer('closed_at'),
    householdCount: integer('household_count').notNull(),
    /**
     * Results so far, kept by every visit in its own transaction so the list of rounds needs no
     * pass over the visits. Derived data: a merge of visits recounts them.
     */
    visitedCount: integer('visited_count').notNull().default(0),
    nobodyHomeCount: integer('nobody_home_count').notNull().default(0),
    refusedCount: integer('refused_count').notNull().default(0),
  },
  (t) => [hlcIndex(t), index('screening_rounds_started_idx').on(t.startedAt)],
);

/** pending: not visited yet; nobody_home: queued again for the next visit. */
export const visitResults = ['pending', 'visited', 'nobody_home', 'refused'] as const;
export type VisitResult = (typeof visitResults)[number];

/** One household in one round: created pending when the round starts, updated by each visit. */
export const screeningVisits = sqliteTable(
  'screening_visits',
  {
    ...syncColumns(),
    roundId: text('round_id').notNull().references(() => screeningRounds.id, { onDelete: 'cascade' }),
    householdId: text('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    gridId: text('grid_id').notNull().references(() => grids.id, { onDelete: 'cascade' }),
    result: text('result', { enum: visitResults }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    visitedAt: integer('visited_at'),
    visitedBy: text('visited_by'),
    /** Findings of a visit: a returnee found, symptoms reported, needs (free text). */
    returnee: integer('returnee', { mode: 'boolean' }).notNull().default(false),
    symptoms: integer('symptoms', { mode: 'boolean' }).notNull().default(false),
    needs: text('needs'),
    note: text('note'),
  },
  (t) => [
    hlcIndex(t),
    uniqueIndex('screening_visits_household_uq').on(t.roundId, t.householdId),
    index('screening_visits_grid_idx').on(t.roundId, t.gridId, t.result),
    index('screening_visits_building_idx').on(t.roundId, t.buildingId, t.result),
    /** The few visits with findings, so progress counts returnees and symptoms without reading every row. */
    /** Visits by round, result and time: how far the open rounds had come on each day (the 大屏's trend), from the index alone. */
    index('screening_visits_result_time_idx').on(t.roundId, t.result, t.visitedAt),
    index('screening_visits_findings_idx')
      .on(t.roundId, t.buildingId, t.returnee, t.symptoms)
      .where(sql`returnee = 1 OR symptoms = 1`),
  ],
);
