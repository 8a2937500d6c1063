import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

/** Where a person serving the territory comes from. */
export const personOrigins = ['resident', 'community_staff', 'cadre', 'party_member', 'property', 'grid_worker', 'volunteer', 'partner_unit'] as const;
export type PersonOrigin = (typeof personOrigins)[number];

/** A person who serves in the territory: heads, grid workers, cadres sent down. */
export const people = sqliteTable(
  'people',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    gender: text('gender', { enum: genders }).notNull(),
    phone: text('phone').notNull(),
    idNumber: text('id_number'),
    partyMember: integer('party_member', { mode: 'boolean' }).notNull().default(false),
    /** Where the person comes from (the sync column `origin` is the node of the last change). */
    source: text('source', { enum: personOrigins }).notNull(),
    /** For cadres sent down and registered party members: their work unit. */
    employer: text('employer'),
    /** What the person can do on duty (医护, 驾驶, …), for posts that require it. */
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /**
     * Declared weekly availability: seven 24-bit masks, Monday first, bit h = free from h:00 to
     * h+1:00; null when nothing was declared (any time).
     */
    availability: text('availability', { mode: 'json' }).$type<number[]>(),
    /** Set (with the tombstone) when this person was merged into another as a duplicate: the survivor's id. */
    mergedInto: text('merged_into'),
  },
  (t) => [hlcIndex(t), index('people_name_idx').on(t.name), index('people_id_number_idx').on(t.idNumber), index('people_phone_tail_idx').on(sql`substr(${t.phone}, -4)`)],
);

export const dutyRoles = ['zone_head', 'grid_head', 'grid_worker', 'building_head', 'alley_head', 'unit_head'] as const;
export type DutyRole = (typeof dutyRoles)[number];

export const scopeTypes = ['zone', 'grid', 'compound', 'building', 'unit'] as const;
export type ScopeType = (typeof scopeTypes)[number];

/** Who holds which duty where: 片区长 of a zone, 网格员 of a grid, 楼栋长 of a building, … */
export const dutyAssignments = sqliteTable(
  'duty_assignments',
  {
    ...syncColumns(),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: dutyRoles }).notNull(),
    scopeType: text('scope_type', { enum: scopeTypes }).notNull(),
    scopeId: text('scope_id').notNull(),
    since: integer('since').notNull(),
  },
  (t) => [hlcIndex(t), index('duty_person_idx').on(t.personId), index('duty_scope_idx').on(t.scopeType, t.scopeId)],
);
