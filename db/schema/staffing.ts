import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { communities, compounds, grids } from './territory';
import { people } from './people';

/** Where a post is: a point (checkpoint, testing point) or a route (patrol), as [lng, lat] pairs. */
export type PostGeometry = { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };

/** 值守点位: a checkpoint, testing point, patrol, … staffed shift by shift. */
export const dutyPosts = sqliteTable(
  'duty_posts',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    /** A built-in kind (checkpoint, testing, vanguard, patrol, screening) or one an administrator added. */
    kind: text('kind').notNull(),
    communityId: text('community_id').notNull().references(() => communities.id, { onDelete: 'cascade' }),
    compoundId: text('compound_id').references(() => compounds.id, { onDelete: 'set null' }),
    gridId: text('grid_id').references(() => grids.id, { onDelete: 'set null' }),
    geometry: text('geometry', { mode: 'json' }).$type<PostGeometry>(),
    lat: real('lat'),
    lng: real('lng'),
    staffNeeded: integer('staff_needed').notNull().default(2),
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default([]),
  },
  (t) => [hlcIndex(t), index('duty_posts_community_idx').on(t.communityId), index('duty_posts_grid_idx').on(t.gridId)],
);

/** A shift of a post: starts at `startMinute` after midnight and lasts `minutes`; one crossing midnight belongs to its start day. */
export const shiftTemplates = sqliteTable(
  'shift_templates',
  {
    ...syncColumns(),
    postId: text('post_id').notNull().references(() => dutyPosts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startMinute: integer('start_minute').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [hlcIndex(t), index('shift_templates_post_idx').on(t.postId)],
);

/** One person on one shift of one post on one day, with what happened on the day. */
export const shiftAssignments = sqliteTable(
  'shift_assignments',
  {
    ...syncColumns(),
    postId: text('post_id').notNull().references(() => dutyPosts.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull().references(() => shiftTemplates.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    /** The local day the shift starts, YYYY-MM-DD. */
    date: text('date').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** The rules this assignment broke when it was made (JSON list of rule ids), and why it was made anyway. */
    overridden: text('overridden', { mode: 'json' }).$type<string[]>().notNull().default([]),
    overrideReason: text('override_reason'),
    assignedBy: text('assigned_by').notNull(),
    signedInAt: integer('signed_in_at'),
    signedOutAt: integer('signed_out_at'),
    noShow: integer('no_show', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    hlcIndex(t),
    index('shift_assignments_start_idx').on(t.startsAt),
    index('shift_assignments_person_idx').on(t.personId, t.startsAt),
    index('shift_assignments_post_idx').on(t.postId, t.date),
    /** Covers the service-hour totals of a month (db/service-hours), which read every shift in it. */
    index('shift_assignments_service_idx').on(t.startsAt, t.personId, t.postId, t.signedInAt, t.signedOutAt, t.noShow, t.deleted),
    /** Covers the board and the gaps (db/staffing/board.ts), which read every shift of a week without visiting the rows. */
    index('shift_assignments_board_idx').on(
      t.startsAt,
      t.deleted,
      t.postId,
      t.templateId,
      t.date,
      t.noShow,
      t.personId,
      t.signedInAt,
      t.signedOutAt,
      t.overridden,
      t.overrideReason,
      t.id,
    ),
  ],
);

/**
 * 交接班: a note left on one shift of one post for the shifts after it — what happened, what the
 * next shift must watch — by the person on duty or the duty officer; the post's position log.
 */
export const shiftHandovers = sqliteTable(
  'shift_handovers',
  {
    ...syncColumns(),
    postId: text('post_id').notNull().references(() => dutyPosts.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull().references(() => shiftTemplates.id, { onDelete: 'cascade' }),
    /** The local day the shift the note is about starts, YYYY-MM-DD. */
    date: text('date').notNull(),
    /** When that shift starts (ms), so the next shift finds the note before it. */
    shiftStartsAt: integer('shift_starts_at').notNull(),
    happened: text('happened').notNull(),
    watch: text('watch').notNull(),
    /** The account that wrote it, and its name then (the account may not exist at another office). */
    writtenBy: text('written_by').notNull(),
    authorName: text('author_name').notNull(),
    writtenAt: integer('written_at').notNull(),
  },
  (t) => [hlcIndex(t), index('shift_handovers_post_idx').on(t.postId, t.shiftStartsAt)],
);
