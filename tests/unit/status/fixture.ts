import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import { openDatabase } from '../../../db/client/open';
import type { ServiceContext } from '../../../db/context';
import { ServiceHost } from '../../../db/host';
import type { Actor } from '../../../db/auth/roles';
import { uuidv7 } from '../../../db/sync/ids';
import { insertMiniTerritory, type MiniTerritory } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';
import { STAFF, STAFF2, LEADER, ADMIN } from '../helpers/actors';

export { STAFF, STAFF2, LEADER, ADMIN };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** "Now" in these tests: well after the mini territory's history (1_700_000_000_000). */
export const NOW = 1_790_000_000_000;
export const GHOST = '01900000-0000-7000-8000-00000000dead';


export interface Other {
  community: string;
  grid: string;
  compound: string;
  emptyCompound: string;
  buildings: string[];
}

export interface Street {
  file: string;
  sqlite: Database.Database;
  host: ServiceHost;
  t: MiniTerritory;
  other: Other;
  events: { event: string; payload: unknown }[];
  ctx: (actor?: Actor) => ServiceContext;
  worker: Actor;
  close: () => void;
}

function row(sqlite: Database.Database, table: string, values: Record<string, unknown>): string {
  const id = (values.id as string | undefined) ?? uuidv7();
  const all = { id, hlc: '000001700000000:00000:test', origin: 'test', ...values };
  const cols = Object.keys(all);
  sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(all);
  return id;
}

/**
 * 永安西里社区 · 第1网格 (26号院, 5 buildings, all 管控 since 1_700_000_000_001+) and 大学路社区 with
 * 大学路第1网格 (鱼山小区: 3 normal buildings without history; 空院 with none).
 */
export function openStreet(): Street {
  const file = join(tempDir('griddesk-status-'), 'griddesk.db');
  const opened = openDatabase({ file });
  const { sqlite } = opened;
  const t = insertMiniTerritory(sqlite, 5);
  const ring = JSON.stringify([[[120.39, 36.06], [120.4, 36.06], [120.4, 36.07], [120.39, 36.06]]]);
  const community = row(sqlite, 'communities', { street_office_id: t.street, code: '370202001002', name: '大学路社区', boundary: ring, label_lat: 36.06, label_lng: 120.39 });
  const zone = row(sqlite, 'zones', { community_id: community, number: 1, name: '第1片区' });
  const grid = row(sqlite, 'grids', { zone_id: zone, community_id: community, code: '370202001002-01', number: 1, name: '第1网格', boundary: ring, label_lat: 36.06, label_lng: 120.39 });
  const compound = row(sqlite, 'compounds', { grid_id: grid, name: '鱼山小区', kind: 'gated', road: '大学路', has_property_mgmt: 1, open_compound: 0 });
  const emptyCompound = row(sqlite, 'compounds', { grid_id: grid, name: '空院', kind: 'old', road: '大学路', has_property_mgmt: 0, open_compound: 1 });
  const buildings = [1, 2, 3].map((i) =>
    row(sqlite, 'buildings', {
      compound_id: compound, grid_id: grid, community_id: community, kind: 'building', name: `${i}号楼`, address: `大学路街道 大学路社区 鱼山小区 ${i}号楼`,
      floors: 6, unit_count: 2, households: 10, residents: 25, has_property_mgmt: 1, open_compound: 0,
      footprint: JSON.stringify([[120.391, 36.061], [120.392, 36.061], [120.391, 36.061]]), centroid_lat: 36.06 + i / 1000, centroid_lng: 120.39 + i / 1000,
      status: 'normal', status_since: 1_600_000_000_000,
    }),
  );
  const host = new ServiceHost(opened);
  const events: Street['events'] = [];
  host.onEvent((event, payload) => events.push({ event, payload }));
  const worker: Actor = { id: 'acc-worker', name: '网格员小王', role: 'grid_worker', gridIds: [t.grid], seesPersonalData: false };
  return {
    file, sqlite, host, t, other: { community, grid, compound, emptyCompound, buildings }, events, worker,
    ctx: (actor = STAFF) => host.context(actor),
    close: () => host.close(),
  };
}

const TABLES = ['buildings', 'building_status_history', 'status_batches', 'status_definitions', 'safe_compounds', 'audit_log'];

/** Row counts and a checksum of every row of the tables these services write. */
export function dbState(sqlite: Database.Database): Record<string, string> {
  return Object.fromEntries(
    TABLES.map((table) => {
      const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all();
      return [table, `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`];
    }),
  );
}

/** The call is refused with this code (and field, and words in the message); nothing is written or announced. */
export function expectRefused(s: Street, fn: () => unknown, code: string, field?: string, words: string[] = []): string {
  const before = dbState(s.sqlite);
  const events = s.events.length;
  let message = '';
  try {
    fn();
  } catch (err) {
    message = (err as Error).message;
    expect(err).toMatchObject({ code, ...(field ? { field } : {}) });
  }
  expect(message, 'the call should have been refused').not.toBe('');
  for (const w of words) expect(message).toContain(w);
  expect(dbState(s.sqlite)).toEqual(before);
  expect(s.events.length).toBe(events);
  return message;
}

export function building(sqlite: Database.Database, id: string) {
  return sqlite.prepare('SELECT status, status_since, status_until, hlc, origin FROM buildings WHERE id = ?').get(id) as {
    status: string;
    status_since: number;
    status_until: number | null;
    hlc: string;
    origin: string;
  };
}

export function historyOf(sqlite: Database.Database, id: string) {
  return sqlite
    .prepare('SELECT * FROM building_status_history WHERE building_id = ? ORDER BY changed_at, hlc')
    .all(id) as { id: string; status: string; previous_status: string | null; changed_at: number; hlc: string; batch_id: string | null; effective_from: number; effective_until: number | null; changed_by: string; reason: string; origin: string }[];
}
