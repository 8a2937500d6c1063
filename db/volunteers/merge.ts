import type { MergeField, MergeResult } from '../../electron/api/volunteers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { people, volunteerProfiles, volunteerStatusChanges } from '../schema';
import { insertRow, tombstoneRow, updateRow } from '../sync/write';
import { sideRecord } from './duplicates';
import { initialsOf } from './initials';
import { KIND_WORDS } from './words';
import { moveHistories } from './merge-history';
import { pendingImportReference } from './merge-imports';

const PROFILE_FIELDS: readonly MergeField[] = ['birthDate', 'kind', 'unit', 'communityId', 'building', 'status', 'briefingAt'];

const FIELD_WORDS: Record<MergeField, string> = {
  name: '姓名',
  gender: '性别',
  phone: '联系电话',
  idNumber: '身份证号',
  birthDate: '出生日期',
  kind: '志愿者类型',
  unit: '单位',
  communityId: '社区',
  building: '楼栋',
  skills: '特长',
  availability: '每周空闲时间',
  status: '状态',
  briefingAt: '岗前告知',
};

type Side = NonNullable<ReturnType<typeof sideRecord>>;

/** The value of a field on one side, as stored. */
function valueOf(side: Side, field: MergeField): unknown {
  switch (field) {
    case 'name': return side.name;
    case 'gender': return side.gender;
    case 'phone': return side.phone;
    case 'idNumber': return side.id_number;
    case 'birthDate': return side.birth_date;
    case 'kind': return side.kind;
    case 'unit': return side.unit ?? side.employer;
    case 'communityId': return side.community_id;
    case 'building': return side.building;
    case 'skills': return JSON.parse(side.skills) as string[];
    case 'availability': return side.availability ? (JSON.parse(side.availability) as number[]) : null;
    case 'status': return side.status;
    case 'briefingAt': return side.briefing_at;
  }
}

/**
 * Merges two records of one person: the survivor keeps its id and takes, field by field, the values
 * chosen from the other; every history of the other — manual hours, shifts, team memberships, duties,
 * nominations, teams led, status changes — moves to the survivor, and the other is retired (tombstoned
 * with `merged_into`, never removed). One transaction and one audit entry naming both ids. Refused,
 * nothing written: the same person twice, two different ID numbers, a record gone, a profile field
 * taken from a record without a profile, a unit missing for its kind, or a staged import still
 * writing to either person.
 */
export function mergeDuplicate(ctx: ServiceContext, input: { survivorId: string; otherId: string; fromOther: MergeField[] }, now: number): MergeResult {
  authorize(ctx.actor, 'volunteers.edit');
  if (input.survivorId === input.otherId) throw new ServiceError('INVALID_INPUT', 'volunteer.mergeSelf', {}, 'otherId');
  const survivor = sideRecord(ctx, input.survivorId);
  if (!survivor) throw new ServiceError('NOT_FOUND', 'volunteer.mergeNotFound', { which: '保留的记录' }, 'survivorId');
  const other = sideRecord(ctx, input.otherId);
  if (!other) throw new ServiceError('NOT_FOUND', 'volunteer.mergeNotFound', { which: '并入的记录' }, 'otherId');
  if (survivor.id_number && other.id_number && survivor.id_number !== other.id_number) throw new ServiceError('CONFLICT', 'volunteer.mergeDifferentIds', {}, 'otherId');
  const fromOther = new Set(input.fromOther);
  for (const field of fromOther) {
    if (PROFILE_FIELDS.includes(field) && !other.profile_id) throw new ServiceError('INVALID_INPUT', 'volunteer.mergeNoField', { field: FIELD_WORDS[field] }, field);
  }
  const pick = (field: MergeField) => {
    if (fromOther.has(field)) return valueOf(other, field);
    // A record without a profile has no profile fields: the other's stand.
    if (PROFILE_FIELDS.includes(field) && !survivor.profile_id) return valueOf(other, field);
    const mine = valueOf(survivor, field);
    return field === 'idNumber' && !mine ? valueOf(other, field) : mine;
  };
  const hasProfile = Boolean(survivor.profile_id ?? other.profile_id);
  const kind = pick('kind') as Side['kind'];
  const unit = pick('unit') as string | null;
  if (hasProfile && (kind === 'registered_party' || kind === 'cadre') && !unit) {
    throw new ServiceError('INVALID_INPUT', 'volunteer.unitRequired', { kind: KIND_WORDS[kind] }, 'unit');
  }
  for (const person of [survivor, other]) {
    const pending = pendingImportReference(ctx, person);
    if (pending) throw new ServiceError('CONFLICT', 'volunteer.mergePendingImport', { name: person.name, file: pending.file, row: pending.row }, person === survivor ? 'survivorId' : 'otherId');
  }
  return ctx.sqlite.transaction(() => {
    const name = pick('name') as string;
    updateRow(ctx, people, survivor.person_id, {
      name,
      gender: pick('gender') as Side['gender'],
      phone: pick('phone') as string,
      idNumber: pick('idNumber') as string | null,
      skills: pick('skills') as string[],
      availability: pick('availability') as number[] | null,
      ...(unit ? { employer: unit } : {}),
    });
    let profileId = survivor.profile_id;
    const profile = hasProfile
      ? {
          kind: kind!,
          unit,
          communityId: pick('communityId') as string | null,
          building: pick('building') as string | null,
          birthDate: pick('birthDate') as string | null,
          status: pick('status') as NonNullable<Side['status']>,
          briefingAt: pick('briefingAt') as number | null,
          initials: initialsOf(name),
        }
      : null;
    if (profile && profileId) updateRow(ctx, volunteerProfiles, profileId, profile);
    else if (profile && other.profile_id) {
      // Only the other is a volunteer: its profile, with its status history, moves to the survivor.
      profileId = other.profile_id;
      updateRow(ctx, volunteerProfiles, profileId, { ...profile, personId: survivor.person_id });
    }
    const moved = moveHistories(ctx, { survivor: survivor.person_id, other: other.person_id, survivorProfile: survivor.profile_id, otherProfile: other.profile_id });
    if (profile && profileId) {
      const before = survivor.profile_id ? survivor.status : other.status;
      insertRow(ctx, volunteerStatusChanges, {
        profileId,
        fromStatus: before,
        toStatus: profile.status,
        reason: `合并重复记录：并入「${other.name}」的记录`,
        changedBy: ctx.actor.name,
        changedAt: now,
      });
    }
    updateRow(ctx, people, other.person_id, { mergedInto: survivor.person_id });
    tombstoneRow(ctx, people, other.person_id);
    appendAudit(ctx.sqlite, {
      actor: ctx.actor,
      action: 'volunteers.merge_duplicate',
      target: survivor.person_id,
      detail: { survivorId: survivor.person_id, otherId: other.person_id, profileId, fromOther: [...fromOther], moved, movedTotal: Object.values(moved).reduce((a, b) => a + b, 0) },
    });
    return { personId: survivor.person_id, profileId, moved };
  })();
}
