import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { people } from './people';
import { communities } from './territory';
import { volunteerKinds, volunteerStatuses, type VolunteerKind, type VolunteerStatus } from '../../messages/volunteers';

export { volunteerKinds, volunteerStatuses, type VolunteerKind, type VolunteerStatus };

/** A person's volunteer profile: the `people` row holds name, gender, phone, ID number, skills and availability. */
export const volunteerProfiles = sqliteTable(
  'volunteer_profiles',
  {
    ...syncColumns(),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: volunteerKinds }).notNull(),
    /** The work unit of a registered party member, the unit of a cadre sent down. */
    unit: text('unit'),
    communityId: text('community_id').references(() => communities.id),
    /** The building (and room) where the volunteer lives, as written: 「3号楼2单元」. */
    building: text('building'),
    status: text('status', { enum: volunteerStatuses }).notNull().default('active'),
    /** When the volunteer acknowledged the duty briefing (ms), null when not yet. */
    briefingAt: integer('briefing_at'),
    /** YYYY-MM-DD, null when unknown. */
    birthDate: text('birth_date'),
    /** Pinyin initials of the name, lower case (张三 → zs): derived, for the roster's search. */
    initials: text('initials').notNull().default(''),
  },
  (t) => [hlcIndex(t), uniqueIndex('volunteer_profiles_person_uq').on(t.personId), index('volunteer_profiles_community_idx').on(t.communityId, t.status), index('volunteer_profiles_initials_idx').on(t.initials, t.id).where(sql`${t.deleted} = 0`)],
);

/** Each change of a volunteer's status: who, when, from → to, and why. */
export const volunteerStatusChanges = sqliteTable(
  'volunteer_status_changes',
  {
    ...syncColumns(),
    profileId: text('profile_id').notNull().references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: volunteerStatuses }),
    toStatus: text('to_status', { enum: volunteerStatuses }).notNull(),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: integer('changed_at').notNull(),
  },
  (t) => [hlcIndex(t), index('volunteer_status_changes_profile_idx').on(t.profileId, t.changedAt)],
);

/** The specialties volunteers may list (医护, 心理, 驾驶 …); administrators extend the list. */
export const volunteerSpecialties = sqliteTable(
  'volunteer_specialties',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    rank: integer('rank').notNull().default(0),
  },
  (t) => [hlcIndex(t)],
);
