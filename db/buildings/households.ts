import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { maskIdNumber, maskPhone } from '../personal-data';
import type { Gender, Registration, Relation, ResidentTagKind } from '../schema';
import { buildingGridOf } from './scope';
import type { HouseholdRow, ResidentRow } from '../../electron/api/buildings';

const RELATION_ORDER: Relation[] = ['head', 'spouse', 'child', 'parent', 'grandchild', 'tenant', 'other'];
const rooms = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The households of a building, by unit then room, with their residents and groups.
 * ID numbers and phones are masked; showing one is `people.reveal`.
 */
export function buildingHouseholds(ctx: ServiceContext, buildingId: string): HouseholdRow[] {
  const { sqlite } = ctx;
  authorize(ctx.actor, 'people.read');
  authorize(ctx.actor, 'people.read', { gridId: buildingGridOf(ctx, buildingId, 'id') });
  const households = sqlite
    .prepare<unknown[], { id: string; unit_number: number | null; room: string; registration: Registration }>(
      `SELECT h.id, u.number AS unit_number, h.room, h.registration
         FROM households h LEFT JOIN units u ON u.id = h.unit_id AND u.deleted = 0
        WHERE h.building_id = ? AND h.deleted = 0`,
    )
    .all(buildingId);
  const residents = sqlite
    .prepare<unknown[], {
    id: string;
    household_id: string;
    name: string;
    gender: Gender;
    birth_year: number;
    id_number: string | null;
    phone: string | null;
    relation: Relation;
    registration: Registration;
  }>(
      `SELECT id, household_id, name, gender, birth_year, id_number, phone, relation, registration
         FROM residents WHERE building_id = ? AND deleted = 0`,
    )
    .all(buildingId);
  const tags = sqlite
    .prepare<unknown[], { resident_id: string; tag: ResidentTagKind; starts_on: number | null; ends_on: number | null }>(`SELECT resident_id, tag, starts_on, ends_on FROM resident_tags WHERE building_id = ? AND deleted = 0 ORDER BY starts_on, tag`)
    .all(buildingId);
  const tagsOf = new Map<string, ResidentRow['tags']>();
  for (const t of tags) {
    const list = tagsOf.get(t.resident_id) ?? [];
    list.push({ tag: t.tag, startsOn: t.starts_on, endsOn: t.ends_on });
    tagsOf.set(t.resident_id, list);
  }
  const byHousehold = new Map<string, ResidentRow[]>();
  for (const r of residents.sort((a, b) => RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) || a.birth_year - b.birth_year)) {
    const list = byHousehold.get(r.household_id) ?? [];
    list.push({
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthYear: r.birth_year,
      idNumber: r.id_number === null ? null : maskIdNumber(r.id_number),
      phone: r.phone === null ? null : maskPhone(r.phone),
      relation: r.relation,
      registration: r.registration,
      tags: tagsOf.get(r.id) ?? [],
    });
    byHousehold.set(r.household_id, list);
  }
  return households
    .sort((a, b) => (a.unit_number ?? Infinity) - (b.unit_number ?? Infinity) || rooms.compare(a.room, b.room) || (a.id < b.id ? -1 : 1))
    .map((h) => ({ id: h.id, unitNumber: h.unit_number, room: h.room, registration: h.registration, residents: byHousehold.get(h.id) ?? [] }));
}
