import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { maskPhone, nameFor } from '../personal-data';
import { authorize } from '../auth/permissions';
import { historyEntries } from './status/history';
import type { BuildingKind, CompoundKind, ControlStatus, DutyRole } from '../schema';
import { buildingGroups } from './groups';
import { buildingRequests } from '../requests/of-building';
import type { BuildingDetail } from '../../electron/api/buildings';

interface Row {
  id: string;
  kind: BuildingKind;
  name: string;
  address: string;
  floors: number;
  unit_count: number;
  households: number;
  residents: number;
  has_property_mgmt: number;
  open_compound: number;
  status: ControlStatus;
  status_since: number;
  status_until: number | null;
  centroid_lat: number;
  centroid_lng: number;
  compound_id: string;
  compound_name: string;
  compound_kind: CompoundKind;
  grid_id: string;
  grid_name: string;
  grid_code: string;
  zone_id: string;
  zone_name: string;
  community_id: string;
  community_name: string;
  community_code: string;
}

const ROLE_ORDER: DutyRole[] = ['building_head', 'alley_head', 'unit_head', 'grid_worker', 'grid_head', 'zone_head'];

/**
 * What the building panel shows: where it is, who is responsible, its status and latest changes.
 * Phones are always masked here; revealing one is its own audited call. Names (of duty holders and
 * of those who asked for help, with their rooms) are masked for whoever may not see people.
 */
export function buildingDetail(ctx: ServiceContext, id: string, now = Date.now()): BuildingDetail {
  const { sqlite } = ctx;
  authorize(ctx.actor, 'buildings.read');
  const row = sqlite
    .prepare<unknown[], Row>(
      `SELECT b.id, b.kind, b.name, b.address, b.floors, b.unit_count, b.households, b.residents,
              b.has_property_mgmt, b.open_compound, b.status, b.status_since, b.status_until, b.centroid_lat, b.centroid_lng,
              c.id AS compound_id, c.name AS compound_name, c.kind AS compound_kind,
              g.id AS grid_id, g.name AS grid_name, g.code AS grid_code,
              z.id AS zone_id, z.name AS zone_name,
              m.id AS community_id, m.name AS community_name, m.code AS community_code
         FROM buildings b
         JOIN compounds c ON c.id = b.compound_id
         JOIN grids g ON g.id = b.grid_id
         JOIN zones z ON z.id = g.zone_id
         JOIN communities m ON m.id = b.community_id
        WHERE b.id = ? AND b.deleted = 0`,
    )
    .get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'building.idNotFound', { id }, 'id');
  authorize(ctx.actor, 'buildings.read', { gridId: row.grid_id });
  const heads = (
    sqlite
      .prepare<unknown[], {
      role: DutyRole;
      name: string;
      phone: string;
      party_member: number;
    }>(
        `SELECT d.role, p.name, p.phone, p.party_member
           FROM duty_assignments d JOIN people p ON p.id = d.person_id
          WHERE d.deleted = 0 AND p.deleted = 0 AND (
                (d.scope_type = 'building' AND d.scope_id = @building)
             OR (d.scope_type = 'unit' AND d.scope_id IN (SELECT id FROM units WHERE building_id = @building AND deleted = 0))
             OR (d.scope_type = 'grid' AND d.scope_id = @grid)
             OR (d.scope_type = 'zone' AND d.scope_id = @zone))`,
      )
      .all({ building: row.id, grid: row.grid_id, zone: row.zone_id })
  )
    .map((h) => ({
      role: h.role,
      name: nameFor(ctx.actor, h.name),
      phone: maskPhone(h.phone),
      partyMember: h.party_member === 1,
    }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const recentHistory = historyEntries(sqlite, row.id, 10);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    address: row.address,
    compound: { id: row.compound_id, name: row.compound_name, kind: row.compound_kind },
    grid: { id: row.grid_id, name: row.grid_name, code: row.grid_code },
    zone: { id: row.zone_id, name: row.zone_name },
    community: { id: row.community_id, name: row.community_name, code: row.community_code },
    floors: row.floors,
    unitCount: row.unit_count,
    households: row.households,
    residents: row.residents,
    hasPropertyMgmt: row.has_property_mgmt === 1,
    openCompound: row.open_compound === 1,
    status: row.status,
    statusSince: row.status_since,
    statusUntil: row.status_until,
    safeCompound: safeCompoundOf(ctx, row.compound_id),
    centroid: [row.centroid_lat, row.centroid_lng],
    heads,
    groups: buildingGroups(sqlite, row.id, now),
    requests: buildingRequests(ctx, row.id, now),
    recentHistory,
  };
}

/** The compound's current 放心楼院 designation (not revoked), the latest if several. */
function safeCompoundOf(ctx: ServiceContext, compoundId: string): BuildingDetail['safeCompound'] {
  const row = ctx.sqlite
    .prepare<unknown[], { granted_at: number; criteria: string }>(
      `SELECT granted_at, criteria FROM safe_compounds WHERE compound_id = ? AND revoked_at IS NULL AND deleted = 0
        ORDER BY granted_at DESC LIMIT 1`,
    )
    .get(compoundId);
  if (!row) return null;
  let criteria: unknown;
  try {
    criteria = JSON.parse(row.criteria);
  } catch {
    criteria = [];
  }
  return { grantedAt: row.granted_at, criteria: Array.isArray(criteria) ? criteria.map(String) : [] };
}
