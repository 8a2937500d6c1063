import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { makeRuntime, type TestRuntime } from '../helpers/runtime';

/**
 * The test street for screening: grid 1 (the grid worker's) with buildings 1–3, grid 2 with one
 * building, and a second community (grid 3, one building); an empty grid 4 with no households.
 */
export interface ScreeningFixture extends TestRuntime {
  sqlite: Database.Database;
  community2: string;
  grid3: string;
  building3: string;
  emptyGrid: string;
  /** Household ids by building id, in insertion order. */
  households: Map<string, string[]>;
  /** Head resident id by household id. */
  heads: Map<string, string>;
  events: { event: string; payload: unknown }[];
}

const H = '000001700000000:00000:test';
let seq = 0;
const id = (prefix: string) => `01900000-0000-7000-8${prefix}-${String(++seq).padStart(12, '0')}`;

export function makeScreeningFixture(): ScreeningFixture {
  const t = makeRuntime();
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const ring = JSON.stringify([[[120.4, 36.07], [120.41, 36.07], [120.41, 36.08], [120.4, 36.07]]]);
  const street = t.territory.street;
  const community2 = id('001');
  const zone2 = id('001');
  const grid3 = id('001');
  const emptyGrid = id('001');
  const compound3 = id('001');
  const building3 = id('001');
  sqlite
    .prepare(`INSERT INTO communities (id, hlc, origin, street_office_id, code, name, boundary, label_lat, label_lng) VALUES (?,?,?,?,?,?,?,?,?)`)
    .run(community2, H, 'test', street, '370202001002', '观海社区', ring, 36.075, 120.405);
  sqlite.prepare(`INSERT INTO zones (id, hlc, origin, community_id, number, name) VALUES (?,?,?,?,?,?)`).run(zone2, H, 'test', community2, 1, '第1片区');
  const grid = sqlite.prepare(
    `INSERT INTO grids (id, hlc, origin, zone_id, community_id, code, number, name, boundary, label_lat, label_lng) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  grid.run(grid3, H, 'test', zone2, community2, '370202001002-01', 1, '第3网格', ring, 36.075, 120.405);
  grid.run(emptyGrid, H, 'test', zone2, community2, '370202001002-02', 2, '第4网格', ring, 36.075, 120.405);
  sqlite
    .prepare(`INSERT INTO compounds (id, hlc, origin, grid_id, name, kind, road, has_property_mgmt, open_compound) VALUES (?,?,?,?,?,?,?,?,?)`)
    .run(compound3, H, 'test', grid3, '观海小区', 'gated', '观海路', 1, 0);
  sqlite
    .prepare(
      `INSERT INTO buildings (id, hlc, origin, compound_id, grid_id, community_id, kind, name, address, floors, unit_count, households, residents,
         has_property_mgmt, open_compound, footprint, centroid_lat, centroid_lng, status, status_since)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(building3, H, 'test', compound3, grid3, community2, 'building', '1号楼', '中山路街道 观海社区 观海小区 1号楼', 6, 1, 12, 30, 1, 0,
      JSON.stringify([[120.401, 36.071], [120.402, 36.071], [120.402, 36.072], [120.401, 36.071]]), 36.0715, 120.4015, 'normal', 1);

  const household = sqlite.prepare(`INSERT INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, ?, 'test', ?, ?, 'registered')`);
  const resident = sqlite.prepare(
    `INSERT INTO residents (id, hlc, origin, household_id, building_id, name, gender, birth_year, relation, registration)
     VALUES (?, ?, 'test', ?, ?, ?, 'female', 1960, ?, 'registered')`,
  );
  const households = new Map<string, string[]>();
  const heads = new Map<string, string>();
  const names = ['刘国庆', '王秀英', '张建华', '李淑珍', '赵志刚', '孙丽娟', '周海涛', '吴桂兰'];
  let n = 0;
  // Rooms are inserted out of order: the queue must sort them.
  const plan: [string, string[]][] = [
    [t.territory.buildings[0]!, ['1单元301', '1单元101', '2单元201', '1单元201']],
    [t.territory.buildings[1]!, ['1单元102', '1单元101', '1单元202']],
    [t.otherGrid.building, ['1单元101', '2单元101']],
    [building3, ['1单元101', '1单元102']],
  ];
  for (const [building, rooms] of plan) {
    const ids: string[] = [];
    for (const room of rooms) {
      const hid = id('002');
      household.run(hid, H, building, room);
      // A spouse first by id, then the head: the head is found by relation, not by order.
      resident.run(id('003'), H, hid, building, `${names[n % names.length]}之妻`, 'spouse');
      const head = id('003');
      resident.run(head, H, hid, building, names[n % names.length]!, 'head');
      if (n % 2 === 0) resident.run(id('003'), H, hid, building, `${names[n % names.length]}之子`, 'child');
      heads.set(hid, head);
      ids.push(hid);
      n++;
    }
    households.set(building, ids);
  }
  const events: { event: string; payload: unknown }[] = [];
  t.runtime.onEvent((event, payload) => events.push({ event, payload }));
  return { ...t, sqlite, community2, grid3, building3, emptyGrid, households, heads, events };
}

/** A fingerprint of everything screening may write, to prove a failed call wrote nothing. */
export function fingerprint(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of ['screening_rounds', 'screening_visits', 'requests', 'request_events', 'resident_tags', 'audit_log']) {
    hash.update(JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all()));
  }
  return hash.digest('hex');
}
