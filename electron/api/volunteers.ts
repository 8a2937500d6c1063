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
}

export const ROSTER_PAGE_MAX = 2000;

export const rosterFilterSchema = z
  .object({
    kind: z.enum(volunteerKinds, { error: '志愿者类型不对' }).optional(),
    communityId: idSchema.optional(),
    specialty: limitedText(20, '特长最多 20 个字').optional(),
    status: z.enum(volunteerStatuses, { error: '状态应为 在岗、暂停 或 退出' }).optional(),
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
};
