import { z } from 'zod';
import type { JobInfo } from './jobs';
import { mutation, query } from './define';
import { idSchema, limitedText } from './common';

/** Built-in kinds of volunteer team; an administrator may type others. */
export const teamKinds = ['信息排查', '站岗执勤', '片区巡逻', '突击队'] as const;
export const teamLevelKeys = ['street', 'community', 'compound', 'post'] as const;
export type TeamLevelKey = (typeof teamLevelKeys)[number];
export const recognitionTitleKeys = ['building_head', 'volunteer'] as const;
export type RecognitionTitleKey = (typeof recognitionTitleKeys)[number];
/** The Red Cross counts a volunteer active from 8 hours of service a month. */
export const DEFAULT_ACTIVE_HOURS = 8;

export interface TeamMember {
  memberId: string;
  personId: string;
  name: string;
  gender: 'male' | 'female';
  age: number | null;
  skills: string[];
  joinedOn: string;
}

export interface VolunteerTeam {
  id: string;
  name: string;
  kind: string;
  level: TeamLevelKey;
  parentId: string | null;
  communityId: string | null;
  communityName: string | null;
  compoundId: string | null;
  compoundName: string | null;
  postId: string | null;
  postName: string | null;
  leaderId: string | null;
  leaderName: string | null;
  members: TeamMember[];
}

/** Someone who may be grouped: a person on the `people` table. */
export interface TeamCandidate {
  id: string;
  name: string;
  gender: 'male' | 'female';
  age: number | null;
  skills: string[];
  source: string;
  /** The team they are in now, if any. */
  teamName: string | null;
}

/** A community with its compounds, to choose where teams work. */
export interface TeamPlace {
  id: string;
  name: string;
  compounds: { id: string; name: string }[];
}

export interface TeamProposal {
  teams: { name: string; members: TeamCandidate[] }[];
  /** Per team: men, women, average age, specialties. */
  balance: { men: number; women: number; averageAge: number | null; skills: Record<string, number> }[];
}

export interface PersonHours {
  personId: string;
  name: string;
  source: string;
  manualHours: number;
  shiftHours: number;
  hours: number;
  noShows: number;
  active: boolean;
}

export interface HoursTotals {
  month: string;
  activeThreshold: number;
  street: { hours: number; people: number; active: number; noShows: number };
  people: PersonHours[];
  teams: { teamId: string; name: string; communityName: string | null; members: number; hours: number; active: number }[];
  communities: { communityId: string | null; name: string; hours: number; people: number }[];
}

export interface MonthHours {
  month: string;
  hours: number;
  active: number;
}

export interface HoursEntry {
  /** The manual entry's id, or the shift assignment's. */
  id: string;
  kind: 'manual' | 'shift';
  date: string;
  activity: string;
  hours: number;
  confirmedBy: string | null;
  communityName: string | null;
  noShow: boolean;
}

export interface PersonHoursDetail {
  personId: string;
  name: string;
  /** Masked unless the caller may see personal data. */
  idNumber: string | null;
  from: string;
  to: string;
  hours: number;
  noShows: number;
  entries: HoursEntry[];
}

export interface Nomination {
  id: string;
  title: RecognitionTitleKey;
  personId: string;
  name: string;
  nominatedByName: string;
  reason: string;
  /** Votes so far (or, once closed, as counted at the close). */
  votes: number;
  elected: boolean | null;
  votedByMe: boolean;
}

export interface RecognitionMonth {
  month: string;
  closed: boolean;
  nominations: Nomination[];
  /** The titles the caller has voted for this month. */
  myVotes: RecognitionTitleKey[];
}

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const people = z.array(idSchema).min(2, '请至少选择 2 人').max(2000, '一次最多分组 2000 人');

export const teamInputSchema = z
  .object({
    id: idSchema.optional(),
    name: limitedText(30, '队伍名称最多 30 个字').pipe(z.string().min(1, '请填写队伍名称')),
    kind: limitedText(10, '队伍类型最多 10 个字').pipe(z.string().min(1, '请填写队伍类型')),
    level: z.enum(teamLevelKeys),
    parentId: idSchema.nullable().optional(),
    communityId: idSchema.nullable().optional(),
    compoundId: idSchema.nullable().optional(),
    postId: idSchema.nullable().optional(),
    leaderId: idSchema.nullable().optional(),
  })
  .strict();

export const hoursInputSchema = z
  .object({
    personId: idSchema,
    activity: limitedText(40, '服务内容最多 40 个字').pipe(z.string().min(1, '请填写服务内容')),
    date: dateSchema,
    hours: z.number({ message: '时长应为数字' }).gt(0, '时长必须大于 0 小时').max(24, '一天的时长不能超过 24 小时'),
    confirmedBy: limitedText(20, '确认人最多 20 个字').pipe(z.string().min(1, '请填写确认人')),
    note: limitedText(200, '备注最多 200 个字').optional(),
    teamId: idSchema.nullable().optional(),
    communityId: idSchema.nullable().optional(),
  })
  .strict();

export const volunteerServiceMethods = {
  /** Teams with their current members; a grid worker sees those of their grids' communities. */
  'volunteerTeams.list': query<VolunteerTeam[]>({ permission: 'hours.read' })(z.object({ communityId: idSchema.optional() }).strict()),
  /** The communities (a grid worker: of their grids) with their compounds. */
  'volunteerTeams.places': query<TeamPlace[]>({ permission: 'hours.read' })(z.object({}).strict()),
  /** People to group or record hours for: the volunteers and those in teams (of the community, when given), without a team first. */
  'volunteerTeams.candidates': query<TeamCandidate[]>({ permission: 'hours.edit' })(z.object({ communityId: idSchema.optional() }).strict()),
  'volunteerTeams.save': mutation<VolunteerTeam>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(teamInputSchema),
  'volunteerTeams.delete': mutation<{ id: string }>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(z.object({ id: idSchema }).strict()),
  /** The grouping assistant: `teams` teams of the chosen people, balanced in size, gender, age and specialty. Nothing is written. */
  'volunteerTeams.propose': query<TeamProposal>({ permission: 'hours.edit' })(
    z.object({ personIds: people, teams: z.number().int().min(1, '至少分 1 支队伍').max(100, '最多分 100 支队伍'), namePrefix: limitedText(20, '队名前缀最多 20 个字').optional() }).strict(),
  ),
  /** Makes the proposal (as adjusted) into teams of a compound or community, in one transaction. */
  'volunteerTeams.confirm': mutation<VolunteerTeam[]>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(
    z
      .object({
        communityId: idSchema,
        compoundId: idSchema.nullable().optional(),
        kind: limitedText(10, '队伍类型最多 10 个字').pipe(z.string().min(1, '请填写队伍类型')),
        teams: z
          .array(z.object({ name: limitedText(30, '队伍名称最多 30 个字').pipe(z.string().min(1, '请填写队伍名称')), personIds: z.array(idSchema).max(2000) }).strict())
          .min(1, '请至少保留一支队伍')
          .max(100),
      })
      .strict(),
  ),
  /** Moves a member to another team of the same community (the old membership ends today). */
  'volunteerTeams.moveMember': mutation<VolunteerTeam[]>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(
    z.object({ memberId: idSchema, toTeamId: idSchema }).strict(),
  ),
  /** Totals of a month per person, team and community, with the active threshold; a grid worker sees their grids' communities. */
  'serviceHours.totals': query<HoursTotals>({ permission: 'hours.read' })(z.object({ month: monthSchema }).strict()),
  /** The hours and active people of the six months up to `month`, oldest first. */
  'serviceHours.months': query<MonthHours[]>({ permission: 'hours.read' })(z.object({ month: monthSchema }).strict()),
  /** One person's entries (manual and from the 排班 board) in a period. */
  'serviceHours.person': query<PersonHoursDetail>({ permission: 'hours.read' })(z.object({ personId: idSchema, from: dateSchema, to: dateSchema }).strict()),
  'serviceHours.add': mutation<{ id: string }>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(hoursInputSchema),
  'serviceHours.remove': mutation<{ id: string }>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(z.object({ id: idSchema }).strict()),
  /** The monthly hours from which a volunteer counts as active (default 8). */
  'serviceHours.setThreshold': mutation<{ hours: number }>({ permission: 'hours.configure', invalidates: ['volunteerService'] })(
    z.object({ hours: z.number().min(0.5, '活跃门槛至少 0.5 小时').max(200, '活跃门槛最多 200 小时') }).strict(),
  ),
  /** A job writing the month's ledger (manual and shift entries) and the totals as .xlsx. */
  'serviceHours.export': mutation<JobInfo>({ permission: 'hours.read', invalidates: ['jobs'], job: true })(z.object({ month: monthSchema }).strict()),
  /** A job writing one person's 志愿服务证明 (one-page PDF) for a period. */
  'serviceHours.certificate': mutation<JobInfo>({ permission: 'hours.edit', invalidates: ['jobs'], job: true })(
    z.object({ personId: idSchema, from: dateSchema, to: dateSchema }).strict(),
  ),
  'recognition.month': query<RecognitionMonth>({ permission: 'hours.read' })(z.object({ month: monthSchema }).strict()),
  'recognition.nominate': mutation<Nomination>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(
    z
      .object({
        month: monthSchema,
        title: z.enum(recognitionTitleKeys),
        personId: idSchema,
        reason: limitedText(200, '推荐理由最多 200 个字').pipe(z.string().min(2, '请填写推荐理由（至少 2 个字）')),
      })
      .strict(),
  ),
  /** One vote per account, month and title. */
  'recognition.vote': mutation<Nomination>({ permission: 'recognition.vote', invalidates: ['volunteerService'] })(z.object({ nominationId: idSchema }).strict()),
  /** Counts the votes: the most voted of each title are elected (ties all); the month's results are kept. */
  'recognition.close': mutation<RecognitionMonth>({ permission: 'hours.edit', invalidates: ['volunteerService'] })(z.object({ month: monthSchema }).strict()),
};
