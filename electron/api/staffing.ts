import { z } from 'zod';
import type { JobInfo } from './jobs';
import { mutation, query } from './define';
import { idSchema, instantSchema, limitedText } from './common';

/** Built-in kinds of duty post; an administrator may add others (any short name). */
export const postKinds = ['checkpoint', 'testing', 'vanguard', 'patrol', 'screening'] as const;
export const staffingRules = ['overlap', 'rest', 'weekHours', 'skills', 'availability'] as const;
export type StaffingRule = (typeof staffingRules)[number];
/** Where the people on the duty roster come from. */
export const dutyOrigins = ['grid_worker', 'cadre', 'community_staff', 'party_member', 'volunteer', 'partner_unit', 'resident', 'property'] as const;
export type DutyOrigin = (typeof dutyOrigins)[number];

export interface ShiftTemplate {
  id: string;
  postId: string;
  name: string;
  /** Minutes after midnight the shift starts. */
  startMinute: number;
  minutes: number;
  night: boolean;
}

export interface DutyPost {
  id: string;
  name: string;
  kind: string;
  communityId: string;
  communityName: string;
  compoundId: string | null;
  gridId: string | null;
  gridName: string | null;
  point: [number, number] | null;
  route: [number, number][] | null;
  staffNeeded: number;
  skills: string[];
  templates: ShiftTemplate[];
}

export interface BoardPerson {
  assignmentId: string;
  personId: string;
  name: string;
  signedInAt: number | null;
  signedOutAt: number | null;
  noShow: boolean;
  /** Rules broken when assigned (kept with the written reason). */
  overridden: StaffingRule[];
  overrideReason: string | null;
}

export interface BoardCell {
  date: string;
  templateId: string;
  startsAt: number;
  endsAt: number;
  needed: number;
  people: BoardPerson[];
  /** 交接班: the latest note left on this post by a shift that started in the 24 h before this one. */
  handoverIn: HandoverNote | null;
  /** Notes written on this shift itself. */
  handoversOut: number;
}

/** 交接班: what happened on a shift of a post and what the next shift must watch. */
export interface HandoverNote {
  id: string;
  postId: string;
  templateId: string;
  shiftName: string;
  date: string;
  shiftStartsAt: number;
  happened: string;
  watch: string;
  authorName: string;
  writtenAt: number;
}

/** A post's position log: its handover notes, newest shift first. */
export interface PostLog {
  post: { id: string; name: string; communityName: string; gridName: string | null };
  notes: HandoverNote[];
}

export interface BoardPost {
  id: string;
  name: string;
  kind: string;
  gridId: string | null;
  staffNeeded: number;
  skills: string[];
  templates: ShiftTemplate[];
  cells: BoardCell[];
}

export interface StaffingBoard {
  from: string;
  days: string[];
  today: string;
  communities: { id: string; name: string; posts: BoardPost[] }[];
  /** Shifts in the period, needed vs filled (no-shows not counted as filled). */
  totals: { shifts: number; needed: number; filled: number; gaps: number };
}

export interface StaffingGap {
  postId: string;
  postName: string;
  communityName: string;
  templateId: string;
  shiftName: string;
  date: string;
  startsAt: number;
  endsAt: number;
  /** The shift's wall-clock start (minutes after midnight) and length, as the service's time zone has them. */
  startMinute: number;
  minutes: number;
  night: boolean;
  needed: number;
  filled: number;
}

export interface DutyPerson {
  id: string;
  name: string;
  /** Pinyin initials of the name, lower case (张三丰 → zsf). */
  initials: string;
  origin: DutyOrigin;
  skills: string[];
  availability: number[] | null;
  /** Hours on duty in the week asked for. */
  weekHours: number;
}

export interface RuleCheck {
  rule: StaffingRule;
  params: Record<string, string | number>;
  /** In Chinese, with the figures: 「与上一班之间只休息 0 小时（至少 8 小时）」. */
  message: string;
}

/** The overview's figures of the rota. */
export interface StaffingNow {
  /** Places of the shifts under way, and how many of them are filled (no-shows not counted); signed in and not out. */
  neededNow: number;
  onDutyNow: number;
  signedInNow: number;
  /** Tonight's night shifts (starting today) still short, and the places they miss. */
  tonightShortShifts: number;
  tonightMissing: number;
}

export interface FillProposal {
  postId: string;
  postName: string;
  communityName: string;
  templateId: string;
  shiftName: string;
  date: string;
  personId: string;
  personName: string;
}

export interface AutoFillResult {
  from: string;
  to: string;
  /** Open places (needed minus filled, summed over the shifts) before the proposal. */
  open: number;
  proposals: FillProposal[];
  /** Why places stay open: 「周二夜班 · 幸福里卡口：没有空闲的医护人员」. */
  unfilled: { date: string; postName: string; shiftName: string; missing: number; reason: string }[];
}

/** The heads and grid workers the coverage view shows and fills: 片区长, 网格长, 网格员, 楼栋长 (弄巷长 for alleys). */
export const coverageRoles = ['zone_head', 'grid_head', 'grid_worker', 'building_head', 'alley_head'] as const;
export type CoverageRole = (typeof coverageRoles)[number];

export interface CoverageHolder {
  personId: string;
  name: string;
}

export interface CoverageZone {
  id: string;
  name: string;
  communityName: string;
  zoneHeads: CoverageHolder[];
}

export interface CoverageGrid {
  id: string;
  name: string;
  communityName: string;
  zoneName: string;
  gridHeads: CoverageHolder[];
  gridWorkers: CoverageHolder[];
  buildings: number;
  buildingsWithoutHead: number;
}

export interface CoverageBuilding {
  id: string;
  name: string;
  kind: string;
  gridId: string;
  gridName: string;
  compoundName: string;
  heads: CoverageHolder[];
}

/**
 * 三长 and grid workers: every zone and grid with its heads and workers; the buildings of one grid
 * (`gridId`) or, without it, every building still without a head. Grids need at least one 网格员.
 */
export interface StaffingCoverage {
  zones: CoverageZone[];
  grids: CoverageGrid[];
  buildings: CoverageBuilding[];
  totals: { zones: number; zonesWithoutHead: number; grids: number; gridsWithoutHead: number; gridsWithoutWorker: number; buildings: number; buildingsWithoutHead: number };
}

/** A post on the map with the shift under way: covered (filled ≥ needed), short, or no shift now. */
export interface PostOnMap {
  id: string;
  name: string;
  kind: string;
  communityName: string;
  point: [number, number] | null;
  route: [number, number][] | null;
  state: 'covered' | 'short' | 'off';
  /** The shift under way (the first, when shifts overlap), with needed vs filled (no-shows not counted) and signed in. */
  shift: { name: string; startsAt: number; endsAt: number; needed: number; filled: number; signedIn: number } | null;
}

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reasonSchema = limitedText(200, '理由最多 200 个字').optional();
const slot = { postId: idSchema, templateId: idSchema, date: dateSchema };
const pointSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const postInputSchema = z
  .object({
    id: idSchema.optional(),
    name: limitedText(40, '点位名称最多 40 个字').pipe(z.string().min(1, '请填写点位名称')),
    kind: limitedText(20, '点位类型最多 20 个字').pipe(z.string().min(1, '请填写点位类型')),
    communityId: idSchema.optional(),
    compoundId: idSchema.nullable().optional(),
    gridId: idSchema.nullable().optional(),
    point: pointSchema.nullable().optional(),
    route: z.array(pointSchema).min(2, '路线至少要两个点').max(200).nullable().optional(),
    staffNeeded: z.number().int().min(1, '每班人数至少为 1').max(50, '每班人数最多 50'),
    skills: z.array(limitedText(10, '技能名称最多 10 个字')).max(10).default([]),
  })
  .strict();

export const templateInputSchema = z
  .object({
    id: idSchema.optional(),
    postId: idSchema,
    name: limitedText(10, '班次名称最多 10 个字').pipe(z.string().min(1, '请填写班次名称')),
    startMinute: z.number().int().min(0, '开始时间应在 00:00 到 23:59 之间').max(1439, '开始时间应在 00:00 到 23:59 之间'),
    minutes: z.number().int().min(1, '班次时长必须大于 0 分钟').max(1440, '班次时长不能超过 24 小时'),
  })
  .strict();

export const staffingMethods = {
  /** Posts grouped by community × shifts of `days` days from `from`, with who is on each and needed vs filled. */
  'staffing.board': query<StaffingBoard>({ permission: 'staffing.read' })(
    z.object({ from: dateSchema.optional(), days: z.union([z.literal(1), z.literal(7)]).default(7) }).strict(),
  ),
  /** Shifts short of staff from now on, for the next 24 hours or 7 days: night shifts first. */
  'staffing.gaps': query<StaffingGap[]>({ permission: 'staffing.read' })(z.object({ hours: z.union([z.literal(24), z.literal(168)]).default(24) }).strict()),
  /** The duty roster (people who declared their availability) with their hours in the week of `weekOf`. */
  'staffing.people': query<DutyPerson[]>({ permission: 'staffing.read' })(z.object({ weekOf: dateSchema.optional() }).strict()),
  'staffing.posts': query<DutyPost[]>({ permission: 'staffing.read' })(z.object({}).strict()),
  /** The rules putting this person on this shift would break. */
  'staffing.check': query<RuleCheck[]>({ permission: 'staffing.edit' })(z.object({ ...slot, personId: idSchema }).strict()),
  /** Puts a person on a shift; a shift that breaks a rule needs `overrideReason`. */
  'staffing.assign': mutation<{ id: string; overridden: StaffingRule[] }>({ permission: 'staffing.edit', invalidates: ['staffing'] })(
    z.object({ ...slot, personId: idSchema, overrideReason: reasonSchema }).strict(),
  ),
  /** One person on one shift of a post every chosen weekday from `from` to `to` (at most 92 days). */
  'staffing.bulkAssign': mutation<{ created: number; overridden: number }>({ permission: 'staffing.edit', invalidates: ['staffing'] })(
    z
      .object({
        postId: idSchema,
        templateId: idSchema,
        personId: idSchema,
        from: dateSchema,
        to: dateSchema,
        weekdays: z.array(z.number().int().min(0).max(6)).min(1, '请至少选择一个星期几').max(7).default([0, 1, 2, 3, 4, 5, 6]),
        overrideReason: reasonSchema,
      })
      .strict(),
  ),
  'staffing.unassign': mutation<{ id: string }>({ permission: 'staffing.edit', invalidates: ['staffing'] })(z.object({ id: idSchema }).strict()),
  /** 到岗 / 离岗 / 未到岗: by the duty officer, or a grid worker for the posts of their grids. */
  'staffing.attend': mutation<BoardPerson>({ permission: 'staffing.attend', invalidates: ['staffing'] })(
    z.object({ id: idSchema, action: z.enum(['signIn', 'signOut', 'noShow', 'clear']), at: instantSchema.optional() }).strict(),
  ),
  'staffing.savePost': mutation<DutyPost>({ permission: 'staffing.edit', invalidates: ['staffing'] })(postInputSchema),
  /** Removes a post; one with assignments still to come is removed only with `confirm` (they go too; the past stays). */
  'staffing.deletePost': mutation<{ id: string; futureRemoved: number }>({ permission: 'staffing.edit', invalidates: ['staffing'] })(
    z.object({ id: idSchema, confirm: z.boolean().default(false) }).strict(),
  ),
  'staffing.saveTemplate': mutation<ShiftTemplate>({ permission: 'staffing.edit', invalidates: ['staffing'] })(templateInputSchema),
  /** Removes a shift of a post; one with assignments still to come is removed only with `confirm` (they go too; the past stays). */
  'staffing.deleteTemplate': mutation<{ id: string; futureRemoved: number }>({ permission: 'staffing.edit', invalidates: ['staffing'] })(
    z.object({ id: idSchema, confirm: z.boolean().default(false) }).strict(),
  ),
  /** A job proposing people for the open places of the week of `from` (result: `AutoFillResult`); nothing is written. */
  'staffing.autoFill': mutation<JobInfo>({ permission: 'staffing.edit', invalidates: ['jobs'], job: true })(
    z.object({ from: dateSchema, days: z.number().int().min(1).max(14).default(7) }).strict(),
  ),
  /** Makes the chosen proposals: each checked again; those now breaking a rule are skipped and counted. */
  'staffing.acceptFill': mutation<{ created: number; skipped: number }>({ permission: 'staffing.edit', invalidates: ['staffing'] })(
    z.object({ items: z.array(z.object({ ...slot, personId: idSchema }).strict()).min(1, '请至少选择一条建议').max(5000) }).strict(),
  ),
  /** 交接班: a note on a shift that has begun, by the duty officer or a grid worker for the posts of their grids. */
  'staffing.writeHandover': mutation<HandoverNote>({ permission: 'staffing.attend', invalidates: ['staffing'] })(
    z
      .object({
        ...slot,
        happened: limitedText(500, '“本班情况”最多 500 个字').pipe(z.string().min(1, '请填写“本班情况”')),
        watch: limitedText(500, '“下一班注意”最多 500 个字').default(''),
      })
      .strict(),
  ),
  /** A post's position log: its handover notes, newest first (at most `limit`). */
  'staffing.postLog': query<PostLog>({ permission: 'staffing.read' })(z.object({ postId: idSchema, limit: z.number().int().min(1).max(500).default(100) }).strict()),
  /** The three heads and grid workers of every zone, grid and building the caller sees, and where they are missing. */
  'staffing.coverage': query<StaffingCoverage>({ permission: 'staffing.read' })(z.object({ gridId: idSchema.optional() }).strict()),
  /** Makes a person 片区长 / 网格长 / 网格员 / 楼栋长 of a zone, grid or building (filling a gap of the coverage view). */
  'staffing.appointDuty': mutation<{ id: string }>({ permission: 'staffing.edit', invalidates: ['staffing', 'buildings'] })(
    z.object({ role: z.enum(coverageRoles, { message: '请选择职责（片区长、网格长、网格员、楼栋长或弄巷长）' }), scopeId: idSchema, personId: idSchema }).strict(),
  ),
  /** The posts the caller sees, placed on the map, coloured by whether the shift under way is covered. */
  'staffing.postsNow': query<PostOnMap[]>({ permission: 'staffing.read' })(z.object({}).strict()),
  /** A job writing the week's roster as .xlsx, one sheet per community. */
  'staffing.exportWeek': mutation<JobInfo>({ permission: 'staffing.read', invalidates: ['jobs'], job: true })(z.object({ from: dateSchema }).strict()),
  /** A job writing the day of `from` (or the week from its Monday) as a PDF roster, a section per community. */
  'staffing.exportPdf': mutation<JobInfo>({ permission: 'staffing.read', invalidates: ['jobs'], job: true })(
    z.object({ from: dateSchema, days: z.union([z.literal(1), z.literal(7)]).default(7) }).strict(),
  ),
};
