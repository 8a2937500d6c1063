import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';
import { communities, compounds } from './territory';
import { people } from './people';
import { dutyPosts } from './staffing';

/** Where a team works: the street (a shock team's head), a community, a compound, or one checkpoint post. */
export const teamLevels = ['street', 'community', 'compound', 'post'] as const;
export type TeamLevel = (typeof teamLevels)[number];

/** 志愿者队伍: 信息排查, 站岗执勤, 片区巡逻, 突击队 or a kind an administrator typed. */
export const volunteerTeams = sqliteTable(
  'volunteer_teams',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    level: text('level', { enum: teamLevels }).notNull(),
    /** A shock team's chain: street → community → checkpoint post. */
    parentId: text('parent_id'),
    communityId: text('community_id').references(() => communities.id, { onDelete: 'set null' }),
    compoundId: text('compound_id').references(() => compounds.id, { onDelete: 'set null' }),
    postId: text('post_id').references(() => dutyPosts.id, { onDelete: 'set null' }),
    leaderId: text('leader_id').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [hlcIndex(t), index('volunteer_teams_community_idx').on(t.communityId)],
);

/** A person in a team from `joinedOn` until `leftOn` (null while still in it). */
export const teamMembers = sqliteTable(
  'team_members',
  {
    ...syncColumns(),
    teamId: text('team_id').notNull().references(() => volunteerTeams.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    joinedOn: text('joined_on').notNull(),
    leftOn: text('left_on'),
  },
  (t) => [hlcIndex(t), index('team_members_team_idx').on(t.teamId), index('team_members_person_idx').on(t.personId)],
);

/** A manual entry of the service-hour ledger; hours on the 排班 board are read from the shift assignments instead. */
export const serviceHours = sqliteTable(
  'service_hours',
  {
    ...syncColumns(),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    activity: text('activity').notNull(),
    /** The local day served, YYYY-MM-DD. */
    date: text('date').notNull(),
    minutes: integer('minutes').notNull(),
    /** Who confirmed the hours (a name, as written). */
    confirmedBy: text('confirmed_by').notNull(),
    note: text('note'),
    teamId: text('team_id').references(() => volunteerTeams.id, { onDelete: 'set null' }),
    communityId: text('community_id').references(() => communities.id, { onDelete: 'set null' }),
    enteredBy: text('entered_by').notNull(),
  },
  (t) => [hlcIndex(t), index('service_hours_date_idx').on(t.date), index('service_hours_person_idx').on(t.personId, t.date)],
);

export const recognitionTitles = ['building_head', 'volunteer'] as const;
export type RecognitionTitle = (typeof recognitionTitles)[number];

/** A nomination for 最美楼栋长 / 最美志愿者 of a month; closing the month writes its votes and whether elected. */
export const recognitionNominations = sqliteTable(
  'recognition_nominations',
  {
    ...syncColumns(),
    month: text('month').notNull(),
    title: text('title', { enum: recognitionTitles }).notNull(),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    nominatedBy: text('nominated_by').notNull(),
    nominatedByName: text('nominated_by_name').notNull(),
    reason: text('reason').notNull(),
    votes: integer('votes'),
    elected: integer('elected', { mode: 'boolean' }),
    closedAt: integer('closed_at'),
  },
  (t) => [hlcIndex(t), index('recognition_nominations_month_idx').on(t.month, t.title)],
);

/** One account's vote of a month for a title: one per account, month and title. */
export const recognitionVotes = sqliteTable(
  'recognition_votes',
  {
    ...syncColumns(),
    nominationId: text('nomination_id').notNull().references(() => recognitionNominations.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    title: text('title', { enum: recognitionTitles }).notNull(),
    accountId: text('account_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [hlcIndex(t), index('recognition_votes_account_idx').on(t.month, t.title, t.accountId)],
);
