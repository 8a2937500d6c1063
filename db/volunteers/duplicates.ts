import type { MergeSide, VolunteerDuplicate } from '../../electron/api/volunteers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { maskIdNumber, maskPhone } from '../personal-data';
import { cachedStatement } from '../sync/statements';

const HAS_PROFILE = (p: string) => `EXISTS (SELECT 1 FROM volunteer_profiles v WHERE v.person_id = ${p}.id AND v.deleted = 0)`;

/** Pairs of live people with the same ID number, at least one of them a volunteer. */
const BY_ID_NUMBER = `SELECT a.id AS a, b.id AS b FROM people a JOIN people b ON b.id_number = a.id_number AND b.id > a.id AND b.deleted = 0
  WHERE a.deleted = 0 AND a.id_number IS NOT NULL AND a.id_number <> '' AND (${HAS_PROFILE('a')} OR ${HAS_PROFILE('b')})`;

/** Pairs with the same name and phone whose ID numbers do not tell them apart. */
const BY_NAME_PHONE = `SELECT a.id AS a, b.id AS b FROM people a JOIN people b ON b.name = a.name AND b.phone = a.phone AND b.id > a.id AND b.deleted = 0
  WHERE a.deleted = 0 AND (a.id_number IS NULL OR b.id_number IS NULL OR a.id_number = '' OR b.id_number = '') AND (${HAS_PROFILE('a')} OR ${HAS_PROFILE('b')})`;

const ONE_OF = (sql: string) => `SELECT * FROM (${sql}) WHERE a = ? OR b = ?`;

interface SideRecord {
  person_id: string;
  profile_id: string | null;
  name: string;
  gender: 'male' | 'female';
  phone: string;
  id_number: string | null;
  birth_date: string | null;
  kind: MergeSide['kind'];
  unit: string | null;
  employer: string | null;
  community_id: string | null;
  community_name: string | null;
  building: string | null;
  skills: string;
  availability: string | null;
  status: MergeSide['status'];
  briefing_at: number | null;
}

const SIDE = `SELECT p.id AS person_id, v.id AS profile_id, p.name, p.gender, p.phone, p.id_number, v.birth_date, v.kind, v.unit, p.employer,
  v.community_id, c.name AS community_name, v.building, p.skills, p.availability, v.status, v.briefing_at
  FROM people p LEFT JOIN volunteer_profiles v ON v.person_id = p.id AND v.deleted = 0 LEFT JOIN communities c ON c.id = v.community_id
  WHERE p.id = ? AND p.deleted = 0`;

const COUNT = (table: string, column = 'person_id') => `SELECT count(*) FROM ${table} WHERE ${column} = ? AND deleted = 0`;

/** A person as one side of a merge, unmasked (for the service) — `null` when gone. */
export function sideRecord(ctx: ServiceContext, personId: string): SideRecord | null {
  return (cachedStatement(ctx.sqlite, SIDE).get(personId) as SideRecord | undefined) ?? null;
}

function countOf(ctx: ServiceContext, sql: string, id: string | null): number {
  return id ? (cachedStatement(ctx.sqlite, sql).pluck().get(id) as number) : 0;
}

/** A side as the caller sees it: numbers masked, history counted. */
export function mergeSide(ctx: ServiceContext, r: SideRecord): MergeSide {
  return {
    personId: r.person_id,
    profileId: r.profile_id,
    name: r.name,
    gender: r.gender,
    phone: maskPhone(r.phone),
    idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
    birthDate: r.birth_date,
    kind: r.kind,
    unit: r.unit ?? r.employer,
    communityId: r.community_id,
    communityName: r.community_name,
    building: r.building,
    skills: JSON.parse(r.skills) as string[],
    availability: r.availability ? (JSON.parse(r.availability) as number[]) : null,
    status: r.status,
    briefingAt: r.briefing_at,
    history: {
      hours: countOf(ctx, COUNT('service_hours'), r.person_id),
      shifts: countOf(ctx, COUNT('shift_assignments'), r.person_id),
      teams: countOf(ctx, COUNT('team_members'), r.person_id),
      duties: countOf(ctx, COUNT('duty_assignments'), r.person_id),
      nominations: countOf(ctx, COUNT('recognition_nominations'), r.person_id),
      statusChanges: countOf(ctx, COUNT('volunteer_status_changes', 'profile_id'), r.profile_id),
    },
  };
}

const LIMIT = 200;

/**
 * People who look like one person: the same ID number, else the same name and phone — as the import
 * and the registry match them — at least one of them a volunteer. The volunteer (or the older record)
 * comes first. With `personId`, only the pairs that person is in. At most 200 pairs.
 */
export function volunteerDuplicates(ctx: ServiceContext, input: { personId?: string }): VolunteerDuplicate[] {
  authorize(ctx.actor, 'volunteers.edit');
  const pairs = (sql: string) =>
    (input.personId ? cachedStatement(ctx.sqlite, ONE_OF(sql)).all(input.personId, input.personId) : cachedStatement(ctx.sqlite, `${sql} LIMIT ${LIMIT}`).all()) as { a: string; b: string }[];
  const seen = new Set<string>();
  const found: VolunteerDuplicate[] = [];
  for (const [how, sql] of [['idNumber', BY_ID_NUMBER], ['namePhone', BY_NAME_PHONE]] as const) {
    for (const { a, b } of pairs(sql)) {
      if (seen.has(`${a}:${b}`) || found.length >= LIMIT) continue;
      seen.add(`${a}:${b}`);
      const ra = sideRecord(ctx, a)!;
      const rb = sideRecord(ctx, b)!;
      const [first, second] = !ra.profile_id && rb.profile_id ? [rb, ra] : [ra, rb];
      found.push({ how, sides: [mergeSide(ctx, first), mergeSide(ctx, second)] });
    }
  }
  return found;
}
