import type { VolunteerSaveInput } from '../../electron/api/volunteers';
import type { ErrorRef } from '../../messages';
import type { ServiceContext } from '../context';
import type { VolunteerKind } from '../schema';
import { cachedStatement } from '../sync/statements';
import { validateIdNumber } from '../validation/id-number';
import { validatePhone } from '../validation/phone';
import { specialtyNames } from './specialties';
import { hasPictograph } from './normalise';
import { initialsOf } from './initials';
import { KIND_WORDS, KINDS_WITH_UNIT } from './words';

/** A volunteer ready to write: every value checked and in its one form. */
export interface VolunteerValue {
  /** The profile being edited; absent for a new volunteer. */
  id?: string;
  name: string;
  initials: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  phone: string;
  /** Undefined when editing without the number: the one on file stays. */
  idNumber: string | null | undefined;
  kind: VolunteerKind;
  unit: string | null;
  communityId: string | null;
  building: string | null;
  skills: string[];
  availability: number[] | null | undefined;
}

/** What is wrong with one field: the message in the catalog, and the Chinese words for an import's report. */
export interface VolunteerProblem {
  field: string;
  ref: ErrorRef;
  reason: string;
}

export type VolunteerCheck = { ok: true; value: VolunteerValue } | { ok: false; problems: VolunteerProblem[] };

const PHONE_ON_FILE = 'SELECT p.phone FROM volunteer_profiles v JOIN people p ON p.id = v.person_id WHERE v.id = ? AND v.deleted = 0';

const todayOf = (now: number) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/** Checks a volunteer as the form or a sheet's row gives it, by the registry's rules. Reads, never writes. */
export function checkVolunteer(ctx: ServiceContext, input: VolunteerSaveInput, now: number): VolunteerCheck {
  const problems: VolunteerProblem[] = [];
  const name = input.name.trim();
  if (hasPictograph(name)) problems.push({ field: 'name', ref: ['volunteer.badName', { reason: '里面有表情符号，请只写姓名' }], reason: `姓名「${name}」里有表情符号，请只写姓名` });
  const phoneOnFile = input.phone === undefined && input.id ? (cachedStatement(ctx.sqlite, PHONE_ON_FILE).get(input.id) as { phone: string } | undefined)?.phone : undefined;
  const phone = validatePhone(input.phone ?? phoneOnFile ?? '', { accept: ['mobile', 'landline'] });
  if (!phone.ok) problems.push({ field: 'phone', ref: ['volunteer.badPhone', { reason: phone.reason }], reason: phone.reason });
  let idNumber: string | null | undefined;
  let idGender: 'male' | 'female' | null = null;
  let idBirth: string | null = null;
  if (input.idNumber !== undefined && input.idNumber !== '') {
    const id = validateIdNumber(input.idNumber, { now });
    if (!id.ok) problems.push({ field: 'idNumber', ref: ['volunteer.badIdNumber', { reason: id.reason }], reason: id.reason });
    else {
      idNumber = id.normalized;
      idGender = id.gender === 'female' ? 'female' : 'male';
      idBirth = id.birthDate;
    }
  } else if (input.idNumber === '') idNumber = null;
  const birthDate = input.birthDate ?? idBirth;
  if (birthDate && (Number.isNaN(Date.parse(birthDate)) || birthDate > todayOf(now))) {
    problems.push({ field: 'birthDate', ref: ['volunteer.badBirthDate', { date: birthDate }], reason: `出生日期「${birthDate}」不存在或晚于今天` });
  }
  if (idBirth && input.birthDate && input.birthDate !== idBirth) {
    problems.push({ field: 'birthDate', ref: ['volunteer.badBirthDate', { date: input.birthDate }], reason: `出生日期「${input.birthDate}」与身份证号里的 ${idBirth} 不一致` });
  }
  if (idGender && idGender !== input.gender) {
    problems.push({ field: 'gender', ref: ['volunteer.genderMismatch', { gender: idGender === 'male' ? '男' : '女' }], reason: `性别与身份证号不一致（身份证号第17位表示${idGender === 'male' ? '男' : '女'}）` });
  }
  const unit = input.unit?.trim() || null;
  if (KINDS_WITH_UNIT.includes(input.kind) && !unit) {
    problems.push({ field: 'unit', ref: ['volunteer.unitRequired', { kind: KIND_WORDS[input.kind] }], reason: `${KIND_WORDS[input.kind]}需要填写所在单位` });
  }
  const communityId = input.communityId ?? null;
  if (communityId && !cachedStatement(ctx.sqlite, 'SELECT 1 FROM communities WHERE id = ? AND deleted = 0').get(communityId)) {
    problems.push({ field: 'communityId', ref: ['volunteer.communityNotFound', {}], reason: '找不到所选的社区' });
  }
  const known = specialtyNames(ctx);
  const skills = [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))];
  for (const skill of skills) {
    if (!known.has(skill)) problems.push({ field: 'skills', ref: ['volunteer.skillUnknown', { skill }], reason: `特长「${skill}」不在特长列表里，请先由管理员添加` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...(input.id ? { id: input.id } : {}),
      name,
      initials: initialsOf(name),
      gender: input.gender,
      birthDate: birthDate ?? null,
      phone: phone.ok ? phone.normalized : '',
      idNumber,
      kind: input.kind,
      unit,
      communityId,
      building: input.building?.trim() || null,
      skills,
      availability: input.availability,
    },
  };
}
