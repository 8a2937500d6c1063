import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { buildings, communities, grids } from './territory';
import { households, residents } from './residents';
import type {
  RequestAction,
  RequestKind,
  RequestLevel,
  RequestSource,
  RequestState,
  Satisfaction,
} from '../../electron/api/requests';

/**
 * A resident's request (诉求): a need (代购, 送药 …) or an incident at a building, street-wide,
 * with its life 待受理 → 办理中 → 已办结 → 已回访. The kinds, sources, states and levels are
 * declared once, in the contract.
 */
export const requests = sqliteTable(
  'requests',
  {
    ...syncColumns(),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    /** The building's grid and community, kept on the request so the queue filters and counts without a join. */
    gridId: text('grid_id').notNull().references(() => grids.id, { onDelete: 'cascade' }),
    communityId: text('community_id').notNull().references(() => communities.id, { onDelete: 'cascade' }),
    householdId: text('household_id').references(() => households.id, { onDelete: 'set null' }),
    residentId: text('resident_id').references(() => residents.id, { onDelete: 'set null' }),
    kind: text('kind').$type<RequestKind>().notNull(),
    title: text('title').notNull(),
    description: text('description'),
    source: text('source').$type<RequestSource>().notNull(),
    /** Who asked: a resident's name and room, a caller of the hotline. */
    requester: text('requester'),
    /** The account that entered it. */
    reportedBy: text('reported_by').notNull(),
    receivedAt: integer('received_at').notNull(),
    level: text('level').$type<RequestLevel>().notNull(),
    /** The person or unit in charge. */
    handler: text('handler'),
    state: text('state').$type<RequestState>().notNull(),
    /** The limit that applies in this state and level (respond, or resolve what went up); null when none does. */
    dueAt: integer('due_at'),
    acceptedAt: integer('accepted_at'),
    acceptedBy: text('accepted_by'),
    resolvedAt: integer('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
    revisitedAt: integer('revisited_at'),
    satisfaction: text('satisfaction').$type<Satisfaction>(),
    revisitNote: text('revisit_note'),
    /** When it missed a limit and was escalated (督办). */
    escalatedAt: integer('escalated_at'),
  },
  (t) => [
    hlcIndex(t),
    index('requests_building_idx').on(t.buildingId, t.state),
    index('requests_received_idx').on(t.receivedAt),
    // Covers counting live requests, those past their limit, and finding those not yet escalated for it.
    index('requests_due_idx').on(t.dueAt, t.deleted, t.escalatedAt),
    index('requests_grid_idx').on(t.gridId, t.receivedAt),
    index('requests_community_idx').on(t.communityId, t.receivedAt),
  ],
);

/** What happened to a request, in order: each transition, and an escalation by the clock. */
export const requestEvents = sqliteTable(
  'request_events',
  {
    ...syncColumns(),
    requestId: text('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    action: text('action').$type<RequestAction>().notNull(),
    actor: text('actor').notNull(),
    fromState: text('from_state').$type<RequestState>(),
    toState: text('to_state').$type<RequestState>().notNull(),
    note: text('note'),
  },
  (t) => [hlcIndex(t), index('request_events_request_idx').on(t.requestId, t.at)],
);
