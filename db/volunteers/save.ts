import type { VolunteerDetail, VolunteerSaveInput, VolunteerStatus } from '../../electron/api/volunteers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { ErrorRef } from '../../messages';
import { ServiceError } from '../errors';
import { people, volunteerProfiles, volunteerStatusChanges, type PersonOrigin } from '../schema';
import { cachedStatement } from '../sync/statements';
import { insertRow, updateRow } from '../sync/write';
import { checkVolunteer, type VolunteerValue } from './check';
import { volunteerDetail } from './detail';
import { STATUS_WORDS } from './words';

interface Existing {
  profile_id: string | null;
  person_id: string;
  name: string;
}

const ORIGIN_OF: Record<VolunteerValue['kind'], PersonOrigin> = {
  party: 'party_member',
  registered_party: 'party_member',
  cadre: 'cadre',
  youth: 'volunteer',
  women: 'volunteer',
  public: 'volunteer',
};

const KNOWN = 'SELECT v.id AS profile_id, p.id AS person_id, p.name FROM people p LEFT JOIN volunteer_profiles v ON v.person_id = p.id AND v.deleted = 0';
const BY_ID_NUMBER = `${KNOWN} WHERE p.id_number = ? AND p.deleted = 0 ORDER BY v.id IS NULL LIMIT 1`;
const BY_NAME_PHONE = `${KNOWN} WHERE p.name = ? AND p.phone = ? AND p.deleted = 0 ORDER BY v.id IS NULL LIMIT 1`;

/**
 * The person a new volunteer is: the one with the same ID number, else the one with the same name
 * and phone (a person on the duty roster becomes a volunteer, their shifts and history kept).
 */
export function findPerson(ctx: ServiceContext, v: Pick<VolunteerValue, 'idNumber' | 'name' | 'phone'>): (Existing & { how: 'idNumber' | 'namePhone' }) | null {
  const byId = v.idNumber ? (cachedStatement(ctx.sqlite, BY_ID_NUMBER).get(v.idNumber) as Existing | undefined) : undefined;
  if (byId) return { ...byId, how: 'idNumber' };
  const byNamePhone = cachedStatement(ctx.sqlite, BY_NAME_PHONE).get(v.name, v.phone) as Existing | undefined;
  return byNamePhone ? { ...byNamePhone, how: 'namePhone' } : null;
}

function personFields(v: VolunteerValue) {
  return {
    name: v.name,
    gender: v.gender,
    phone: v.phone,
    ...(v.idNumber !== undefined ? { idNumber: v.idNumber } : {}),
    // A unit given is the person's employer; none given keeps the one on file.
    ...(v.unit ? { employer: v.unit } : {}),
    skills: v.skills,
    ...(v.availability !== undefined ? { availability: v.availability } : {}),
  };
}

function profileFields(v: VolunteerValue) {
  return { kind: v.kind, unit: v.unit, communityId: v.communityId, building: v.building, birthDate: v.birthDate, initials: v.initials };
}

/**
 * Writes a checked volunteer: edits the profile named, or merges into the person already known by
 * ID number or name + phone (their record and history kept), or registers a new person. A new
 * profile starts 在岗 with that first step in its history. Returns the profile id and what was done.
 * Runs inside the caller's transaction; writes no audit entry (the caller does).
 */
export function writeVolunteer(ctx: ServiceContext, v: VolunteerValue, now: number): { id: string; action: 'create' | 'update' | 'merge' } {
  if (v.id) {
    const personId = (cachedStatement(ctx.sqlite, 'SELECT person_id FROM volunteer_profiles WHERE id = ? AND deleted = 0').get(v.id) as { person_id: string } | undefined)?.person_id;
    if (!personId) throw new ServiceError('NOT_FOUND', 'volunteer.notFound', {}, 'id');
    if (v.idNumber) {
      const other = findPerson(ctx, { idNumber: v.idNumber, name: '\u0000', phone: '\u0000' });
      if (other && other.person_id !== personId) throw new ServiceError('CONFLICT', 'volunteer.duplicateId', { name: other.name }, 'idNumber');
    }
    updateRow(ctx, people, personId, personFields(v));
    updateRow(ctx, volunteerProfiles, v.id, profileFields(v));
    return { id: v.id, action: 'update' };
  }
  const known = findPerson(ctx, v);
  if (known?.profile_id) {
    updateRow(ctx, people, known.person_id, personFields(v));
    updateRow(ctx, volunteerProfiles, known.profile_id, profileFields(v));
    return { id: known.profile_id, action: 'update' };
  }
  const personId = known
    ? (updateRow(ctx, people, known.person_id, personFields(v)), known.person_id)
    : insertRow(ctx, people, { ...personFields(v), source: ORIGIN_OF[v.kind], partyMember: v.kind === 'party' || v.kind === 'registered_party' }).id;
  const { id } = insertRow(ctx, volunteerProfiles, { personId, ...profileFields(v), status: 'active' });
  insertRow(ctx, volunteerStatusChanges, { profileId: id, fromStatus: null, toStatus: 'active', reason: '登记为志愿者', changedBy: ctx.actor.name, changedAt: now });
  return { id, action: known ? 'merge' : 'create' };
}

/** Registers or edits one volunteer by hand; the first problem is refused naming its field, nothing written. */
export function saveVolunteer(ctx: ServiceContext, input: VolunteerSaveInput, now: number): { id: string } {
  authorize(ctx.actor, 'volunteers.edit');
  const checked = checkVolunteer(ctx, input, now);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    const [key, params] = first.ref;
    throw new ServiceError('INVALID_INPUT', ...([key, params, first.field] as unknown as [...ErrorRef, string]));
  }
  return ctx.sqlite.transaction(() => {
    const done = writeVolunteer(ctx, checked.value, now);
    appendAudit(ctx.sqlite, {
      actor: ctx.actor,
      action: `volunteers.${done.action}`,
      target: done.id,
      detail: { kind: checked.value.kind, communityId: checked.value.communityId, skills: checked.value.skills },
    });
    return { id: done.id };
  })();
}

/** 在岗 → 暂停 → 退出 (and back), with the reason in the history and the audit. */
export function setVolunteerStatus(ctx: ServiceContext, input: { id: string; status: VolunteerStatus; reason: string }, now: number): VolunteerDetail {
  authorize(ctx.actor, 'volunteers.edit');
  const from = ctx.sqlite.prepare<unknown[], VolunteerStatus>('SELECT status FROM volunteer_profiles WHERE id = ? AND deleted = 0').pluck().get(input.id);
  if (!from) throw new ServiceError('NOT_FOUND', 'volunteer.notFound', {}, 'id');
  if (from === input.status) throw new ServiceError('CONFLICT', 'volunteer.sameStatus', { status: STATUS_WORDS[from] }, 'status');
  ctx.sqlite.transaction(() => {
    updateRow(ctx, volunteerProfiles, input.id, { status: input.status });
    insertRow(ctx, volunteerStatusChanges, { profileId: input.id, fromStatus: from, toStatus: input.status, reason: input.reason, changedBy: ctx.actor.name, changedAt: now });
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'volunteers.status', target: input.id, detail: { from, to: input.status, reason: input.reason } });
  })();
  return volunteerDetail(ctx, { id: input.id });
}

/** Records that the volunteer acknowledged the duty briefing, now. */
export function acknowledgeBriefing(ctx: ServiceContext, input: { id: string }, now: number): VolunteerDetail {
  authorize(ctx.actor, 'volunteers.edit');
  const found = ctx.sqlite.prepare('SELECT 1 FROM volunteer_profiles WHERE id = ? AND deleted = 0').get(input.id);
  if (!found) throw new ServiceError('NOT_FOUND', 'volunteer.notFound', {}, 'id');
  ctx.sqlite.transaction(() => {
    updateRow(ctx, volunteerProfiles, input.id, { briefingAt: now });
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'volunteers.briefing', target: input.id });
  })();
  return volunteerDetail(ctx, { id: input.id });
}
