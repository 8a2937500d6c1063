import { z } from 'zod';
import type { JobInfo } from './jobs';
import { mutation, query } from './define';
import { idSchema, limitedText, reasonSchema, type PagedResult } from './common';
import { volunteerKinds, volunteerStatuses, type VolunteerKind, type VolunteerStatus } from '../../messages/volunteers';

export { volunteerKinds, volunteerStatuses, VOLUNTEER_KIND_LABELS, VOLUNTEER_STATUS_LABELS, type VolunteerKind, type VolunteerStatus } from '../../messages/volunteers';

/** One line of the roster: phone and ID number masked (the full ones only through `people.reveal`). */
export interface VolunteerRow {
  id: string;
  personId: string;
  name: string;
  gender: 'male' | 'female';
  phone: string;
  kind: VolunteerKind;
  unit: string | null;
  communityId: string | null;
  communityName: string | null;
  building: string | null;
  skills: string[];
  status: VolunteerStatus;
  briefingAt: number | null;
  /** The teams the volunteer is in now. */
  teams: string[];
}

export interface VolunteerStatusChange {
  id: string;
  from: VolunteerStatus | null;
  to: VolunteerStatus;
  reason: string;
  changedBy: string;
  changedAt: number;
}

export interface VolunteerDetail extends VolunteerRow {
  birthDate: string | null;
  /** Masked: `3702**********1234`. */
  idNumber: string | null;
  availability: number[] | null;
  history: VolunteerStatusChange[];
}

export interface VolunteerSpecialty {
  id: string;
  name: string;
  /** Volunteers who list it. */
  count: number;
}

export interface VolunteerOptions {
  communities: { id: string; name: string }[];
  specialties: VolunteerSpecialty[];
  /** The teams of the communities the actor sees, for the roster's team filter. */
  teams: { id: string; name: string; communityName: string | null }[];
}

/** The fields of two duplicate records the user picks a winner for, field by field. */
export const mergeFields = ['name', 'gender', 'phone', 'idNumber', 'birthDate', 'kind', 'unit', 'communityId', 'building', 'skills', 'availability', 'status', 'briefingAt'] as const;
export type MergeField = (typeof mergeFields)[number];

/** One side of a duplicate pair: the person, their profile if any (numbers masked), and how much history each holds. */
export interface MergeSide {
  personId: string;
  profileId: string | null;
  name: string;
  gender: 'male' | 'female';
  phone: string;
  idNumber: string | null;
  birthDate: string | null;
  kind: VolunteerKind | null;
  unit: string | null;
  communityId: string | null;
  communityName: string | null;
  building: string | null;
  skills: string[];
  availability: number[] | null;
  status: VolunteerStatus | null;
  briefingAt: number | null;
  /** Rows of history: manual hours, shifts, team memberships, duties, nominations, status changes. */
  history: { hours: number; shifts: number; teams: number; duties: number; nominations: number; statusChanges: number };
}

/** Two people who look like one: the same ID number, or the same name and phone (neither with another ID number). */
export interface VolunteerDuplicate {
  how: 'idNumber' | 'namePhone';
  /** The volunteer first (or the older record), then the other. */
  sides: [MergeSide, MergeSide];
}

export interface MergeResult {
  personId: string;
  profileId: string | null;
  /** Rows moved to the survivor, per table. */
  moved: Record<string, number>;
}

export const ROSTER_PAGE_MAX = 2000;

export const rosterFilterSchema = z
  .object({
    kind: z.enum(volunteerKinds, { error: '志愿者类型不对' }).optional(),
    communityId: idSchema.optional(),
    specialty: limitedText(20, '特长最多 20 个字').optional(),
    status: z.enum(volunteerStatuses, { error: '状态应为 在岗、暂停 或 退出' }).optional(),
    /** Members of this team now (a membership not ended). */
    teamId: idSchema.optional(),
    /** Active this month (served at least the active threshold's hours, 服务时长) or not. */
    active: z.boolean({ error: '「本月活跃」应为 是 或 否' }).optional(),
    /** A name, pinyin initials (zs → 张三) or the last four digits of a phone. */
    q: limitedText(40, '搜索内容最多 40 个字').optional(),
  })
  .strict();
export type RosterFilter = z.infer<typeof rosterFilterSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '出生日期应为 YYYY-MM-DD');
const nameSchema = limitedText(30, '姓名最多 30 个字').refine((s) => s.length > 0, { message: '请填写姓名' });

/** Creating (no id) or editing a volunteer by hand; the importer checks each row with the same schema. */
export const volunteerSaveSchema = z
  .object({
    id: idSchema.optional(),
    name: nameSchema,
    gender: z.enum(['male', 'female'], { error: '性别应为 男 或 女' }),
    birthDate: dateSchema.nullable().optional(),
    /** Absent when editing keeps the phone on file (the form shows it masked); a new volunteer needs one. */
    phone: limitedText(30, '电话最多 30 个字').refine((s) => s.length > 0, { message: '请填写联系电话' }).optional(),
    /** Absent when editing keeps the number on file (the form never has it unmasked). */
    idNumber: limitedText(18, '身份证号应为 18 位').optional(),
    kind: z.enum(volunteerKinds, { error: '志愿者类型不对' }),
    unit: limitedText(60, '单位最多 60 个字').nullable().optional(),
    communityId: idSchema.nullable().optional(),
    building: limitedText(40, '楼栋最多 40 个字').nullable().optional(),
    skills: z.array(limitedText(20, '特长最多 20 个字')).max(20, '特长最多 20 项').default([]),
    availability: z.array(z.number().int().min(0).max(0xffffff)).length(7, '每周空闲时间应为 7 天').nullable().optional(),
  })
  .strict();
export type VolunteerSaveInput = z.infer<typeof volunteerSaveSchema>;

export const volunteerMethods = {
  'volunteers.roster': query<PagedResult<VolunteerRow>>({ permission: 'volunteers.read' })(
    rosterFilterSchema.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(ROSTER_PAGE_MAX).default(200) }).strict(),
  ),
  'volunteers.get': query<VolunteerDetail>({ permission: 'volunteers.read' })(z.object({ id: idSchema }).strict()),
  'volunteers.options': query<VolunteerOptions>({ permission: 'volunteers.read' })(z.object({}).strict()),
  'volunteers.save': mutation<{ id: string }>({ permission: 'volunteers.edit', invalidates: ['volunteers', 'staffing'] })(volunteerSaveSchema),
  'volunteers.setStatus': mutation<VolunteerDetail>({ permission: 'volunteers.edit', invalidates: ['volunteers'] })(
    z.object({ id: idSchema, status: z.enum(volunteerStatuses, { error: '状态应为 在岗、暂停 或 退出' }), reason: reasonSchema }).strict(),
  ),
  'volunteers.acknowledgeBriefing': mutation<VolunteerDetail>({ permission: 'volunteers.edit', invalidates: ['volunteers'] })(z.object({ id: idSchema }).strict()),
  'volunteers.saveSpecialty': mutation<VolunteerSpecialty>({ permission: 'volunteers.configure', invalidates: ['volunteers'] })(
    z.object({ id: idSchema.optional(), name: limitedText(20, '特长最多 20 个字').refine((s) => s.length > 0, { message: '请填写特长名称' }) }).strict(),
  ),
  'volunteers.deleteSpecialty': mutation<{ id: string }>({ permission: 'volunteers.configure', invalidates: ['volunteers'] })(z.object({ id: idSchema }).strict()),
  'volunteers.export': mutation<JobInfo>({ permission: 'volunteers.read', invalidates: ['jobs'], job: true })(rosterFilterSchema),
  'volunteers.template': mutation<{ fileId: string; name: string; size: number }>({ permission: 'volunteers.edit' })(z.object({}).strict()),
  'volunteers.duplicates': query<VolunteerDuplicate[]>({ permission: 'volunteers.edit' })(z.object({ personId: idSchema.optional() }).strict()),
  'volunteers.mergeDuplicate': mutation<MergeResult>({ permission: 'volunteers.edit', invalidates: ['volunteers', 'staffing'] })(
    z
      .object({
        survivorId: idSchema,
        otherId: idSchema,
        /** The fields whose value the other record gives; every other field keeps the survivor's. */
        fromOther: z.array(z.enum(mergeFields, { error: '合并的字段不对' })).max(mergeFields.length).default([]),
      })
      .strict(),
  ),
};
