import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../../db/client/open';
import type { ServiceContext } from '../../../db/context';
import { ServiceHost } from '../../../db/host';
import type { Actor } from '../../../db/auth/roles';
import type { ResidentTagKind } from '../../../db/schema';
import { uuidv7 } from '../../../db/sync/ids';
import { insertMiniTerritory, type MiniTerritory } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';
import { STAFF, LEADER, ANALYST } from '../helpers/actors';

export { STAFF, LEADER, ANALYST };

export const DAY = 86_400_000;

export interface SecondCommunity {
  community: string;
  grid: string;
  compound: string;
  buildings: string[];
}

export interface Street {
  sqlite: Database.Database;
  host: ServiceHost;
  territory: MiniTerritory;
  other: SecondCommunity;
  events: { event: string; payload: unknown }[];
  ctx: (actor?: Actor) => ServiceContext;
  close: () => void;
}

/** A fresh database with 中山路 (5 buildings, grid 1) and 大学路 (3 buildings, grid 2 of another community). */
export function openStreet(): Street {
  const opened = openDatabase({ file: join(tempDir('griddesk-buildings-'), 'griddesk.db') });
  const { sqlite } = opened;
  const territory = insertMiniTerritory(sqlite, 5);
  const other = addCommunity(sqlite, territory);
  const host = new ServiceHost(opened);
  const events: Street['events'] = [];
  host.onEvent((event, payload) => events.push({ event, payload }));
  return { sqlite, host, territory, other, events, ctx: (actor = STAFF) => host.context(actor), close: () => host.close() };
}

function row(sqlite: Database.Database, table: string, values: Record<string, unknown>): string {
  const id = (values.id as string | undefined) ?? uuidv7();
  const all = { id, hlc: '000001700000000:00000:test', origin: 'test', ...values };
  const cols = Object.keys(all);
  sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(all);
  return id;
}

function addCommunity(sqlite: Database.Database, t: MiniTerritory): SecondCommunity {
  const ring = JSON.stringify([[[120.39, 36.06], [120.4, 36.06], [120.4, 36.07], [120.39, 36.06]]]);
  const community = row(sqlite, 'communities', { street_office_id: t.street, code: '370202001002', name: '大学路社区', boundary: ring, label_lat: 36.06, label_lng: 120.39 });
  const zone = row(sqlite, 'zones', { community_id: community, number: 1, name: '第1片区' });
  const grid = row(sqlite, 'grids', { zone_id: zone, community_id: community, code: '370202001002-01', number: 1, name: '大学路第1网格', boundary: ring, label_lat: 36.06, label_lng: 120.39 });
  const compound = row(sqlite, 'compounds', { grid_id: grid, name: '鱼山小区', kind: 'gated', road: '大学路', has_property_mgmt: 1, open_compound: 0 });
  const statuses = ['sealed', 'normal', 'precaution'];
  const buildings = [1, 2, 3].map((i) =>
    row(sqlite, 'buildings', {
      compound_id: compound, grid_id: grid, community_id: community, kind: 'building', name: `${i}号楼`, address: `大学路街道 大学路社区 鱼山小区 ${i}号楼`,
      floors: 6, unit_count: 2, households: 10 * i, residents: 25 * i, has_property_mgmt: 1, open_compound: 0,
      footprint: JSON.stringify([[120.391, 36.061], [120.392, 36.061], [120.391, 36.061]]), centroid_lat: 36.0615, centroid_lng: 120.3915,
      status: statuses[i - 1], status_since: 1_700_000_000_000 + i * DAY, status_until: i === 1 ? 1_700_000_000_000 + 20 * DAY : null,
    }),
  );
  return { community, grid, compound, buildings };
}

export function addUnit(sqlite: Database.Database, building: string, number: number): string {
  return row(sqlite, 'units', { building_id: building, number, households: 12 });
}

export function addHousehold(sqlite: Database.Database, building: string, room: string, opts: { unit?: string; registration?: 'registered' | 'floating' } = {}): string {
  return row(sqlite, 'households', { building_id: building, unit_id: opts.unit ?? null, room, registration: opts.registration ?? 'registered' });
}

let idSerial = 0;
export function addResident(
  sqlite: Database.Database,
  household: string,
  building: string,
  opts: { name?: string; registration?: 'registered' | 'floating'; relation?: string; phone?: string | null; idNumber?: string | null; deleted?: boolean } = {},
): string {
  idSerial += 1;
  return row(sqlite, 'residents', {
    household_id: household, building_id: building, name: opts.name ?? `居民${idSerial}`, gender: idSerial % 2 ? 'male' : 'female', birth_year: 1950 + (idSerial % 50),
    id_number: opts.idNumber === undefined ? `37020219800101${String(1000 + idSerial).slice(-4)}` : opts.idNumber,
    phone: opts.phone === undefined ? `138${String(10_000_000 + idSerial).slice(-8)}` : opts.phone,
    relation: opts.relation ?? 'head', registration: opts.registration ?? 'registered', deleted: opts.deleted ? 1 : 0,
  });
}

export function addTag(
  sqlite: Database.Database,
  resident: string,
  building: string,
  tag: ResidentTagKind,
  startsOn: number | null = null,
  endsOn: number | null = null,
  deleted = false,
): string {
  return row(sqlite, 'resident_tags', { resident_id: resident, building_id: building, tag, starts_on: startsOn, ends_on: endsOn, deleted: deleted ? 1 : 0 });
}

/** A request of a need kind (送药), open unless done; written as a row, not through the services. */
export function addNeedRow(sqlite: Database.Database, building: string, requestedAt: number, doneAt: number | null = null): string {
  return addRequestRow(sqlite, building, { kind: 'medicine', title: '降压药两盒', requester: '张大爷 301', receivedAt: requestedAt, resolvedAt: doneAt });
}

/** A request of an incident kind (设施损坏), open unless fixed. */
export function addIncidentRow(sqlite: Database.Database, building: string, reportedAt: number, fixedAt: number | null = null): string {
  return addRequestRow(sqlite, building, { kind: 'facility', title: `楼顶防水层被风掀开 ${reportedAt}`, requester: null, receivedAt: reportedAt, resolvedAt: fixedAt });
}

export function addRequestRow(
  sqlite: Database.Database,
  building: string,
  r: { kind: string; title: string; requester: string | null; receivedAt: number; resolvedAt?: number | null; state?: string; level?: string; dueAt?: number | null },
): string {
  const state = r.state ?? (r.resolvedAt ? 'resolved' : 'pending');
  const place = sqlite.prepare('SELECT grid_id, community_id FROM buildings WHERE id = ?').get(building) as { grid_id: string; community_id: string };
  return row(sqlite, 'requests', {
    building_id: building, grid_id: place.grid_id, community_id: place.community_id, kind: r.kind, title: r.title, source: 'visit', requester: r.requester, reported_by: '网格员', received_at: r.receivedAt,
    level: r.level ?? 'community', state, due_at: r.dueAt !== undefined ? r.dueAt : state === 'pending' ? r.receivedAt + DAY : null,
    resolved_at: r.resolvedAt ?? null, resolved_by: r.resolvedAt ? '小李' : null,
  });
}

export function grantSafeCompound(sqlite: Database.Database, compound: string, grantedAt: number, revokedAt: number | null = null): string {
  return row(sqlite, 'safe_compounds', { compound_id: compound, granted_at: grantedAt, criteria: JSON.stringify(['无疫情', '自治组织健全']), granted_by: '街道', revoked_at: revokedAt });
}

/** Every row of the tables a buildings call may write, to prove a refusal wrote nothing. */
export function snapshot(sqlite: Database.Database): string {
  return ['requests', 'request_events', 'audit_log']
    .map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))
    .join('\n');
}
