import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { buildings, units } from './territory';
import { genders } from './people';

/** 户籍 (registered here) or 流动 (floating: living here, registered elsewhere). */
export const registrations = ['registered', 'floating'] as const;
export type Registration = (typeof registrations)[number];

/** 户: a household living in one room of a building. */
export const households = sqliteTable(
  'households',
  {
    ...syncColumns(),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').references(() => units.id, { onDelete: 'set null' }),
    /** Room as written on the door: 「2单元301」, 「东院3号」. */
    room: text('room').notNull(),
    registration: text('registration', { enum: registrations }).notNull(),
  },
  (t) => [hlcIndex(t), index('households_building_idx').on(t.buildingId), index('households_unit_idx').on(t.unitId)],
);

export const relations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'tenant', 'other'] as const;
export type Relation = (typeof relations)[number];

/** 居民: a person living in a household. */
export const residents = sqliteTable(
  'residents',
  {
    ...syncColumns(),
    householdId: text('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    /** Copied from the household, so counts by building need no join. */
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    gender: text('gender', { enum: genders }).notNull(),
    birthYear: integer('birth_year').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
    relation: text('relation', { enum: relations }).notNull(),
    registration: text('registration', { enum: registrations }).notNull(),
  },
  (t) => [
    hlcIndex(t),
    index('residents_household_idx').on(t.householdId),
    index('residents_building_idx').on(t.buildingId),
    index('residents_name_idx').on(t.name),
    /** A register's rows find the resident already known by ID number (the import's merge). */
    index('residents_id_number_idx').on(t.idNumber),
    /** Floating residents per building, for sorting the buildings table by them. */
    index('residents_floating_idx').on(t.buildingId).where(sql`registration = 'floating' AND deleted = 0`),
  ],
);

/** Special groups the command center watches. */
export const residentTagKinds = ['home_observation', 'isolation', 'elderly_alone', 'disabled', 'returnee'] as const;
export type ResidentTagKind = (typeof residentTagKinds)[number];

/** A resident's membership of a special group; 居家观察 and 隔离 carry start and end dates. */
export const residentTags = sqliteTable(
  'resident_tags',
  {
    ...syncColumns(),
    residentId: text('resident_id').notNull().references(() => residents.id, { onDelete: 'cascade' }),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    tag: text('tag', { enum: residentTagKinds }).notNull(),
    startsOn: integer('starts_on'),
    endsOn: integer('ends_on'),
    note: text('note'),
  },
  (t) => [
    hlcIndex(t),
    index('resident_tags_resident_idx').on(t.residentId),
    index('resident_tags_building_idx').on(t.buildingId, t.tag),
    index('resident_tags_tag_idx').on(t.tag, t.buildingId),
  ],
);
