import type Database from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../../../db/sync/ids';
import { formatHlc } from '../../../db/sync/hlc';

export interface MiniTerritory {
  street: string;
  community: string;
  zone: string;
  grid: string;
  compound: string;
  buildings: string[];
}

/** A tiny street office written with plain SQL: one of each level and `n` buildings with history. */
export function insertMiniTerritory(sqlite: Database.Database, n = 5): MiniTerritory {
  let t = 1_700_000_000_000;
  const sync = () => {
    t += 1;
    return [uuidv7(t), formatHlc({ wall: t, counter: 0, node: 'test' }), 'test'] as const;
  };
  const ring = [[[120.37, 36.06], [120.38, 36.06], [120.38, 36.07], [120.37, 36.07], [120.37, 36.06]]];
  const [street, h1, o1] = sync();
  sqlite
    .prepare(`INSERT INTO street_offices (id, hlc, origin, code, name, city, district, center_lat, center_lng) VALUES (?,?,?,?,?,?,?,?,?)`)
    .run(street, h1, o1, '370202001000', '中山路街道', '青岛市', '市南区', 36.065, 120.375);
  const [community, h2, o2] = sync();
  sqlite
    .prepare(`INSERT INTO communities (id, hlc, origin, street_office_id, code, name, boundary, label_lat, label_lng) VALUES (?,?,?,?,?,?,?,?,?)`)
    .run(community, h2, o2, street, '370202001001', '永安西里社区', JSON.stringify(ring), 36.065, 120.375);
  const [zone, h3, o3] = sync();
  sqlite.prepare(`INSERT INTO zones (id, hlc, origin, community_id, number, name) VALUES (?,?,?,?,?,?)`).run(zone, h3, o3, community, 1, '第1片区');
  const [grid, h4, o4] = sync();
  sqlite
    .prepare(`INSERT INTO grids (id, hlc, origin, zone_id, community_id, code, number, name, boundary, label_lat, label_lng) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
    .run(grid, h4, o4, zone, community, '370202001001-01', 1, '第1网格', JSON.stringify(ring), 36.065, 120.375);
  const [compound, h5, o5] = sync();
  sqlite
    .prepare(`INSERT INTO compounds (id, hlc, origin, grid_id, name, kind, road, has_property_mgmt, open_compound) VALUES (?,?,?,?,?,?,?,?,?)`)
    .run(compound, h5, o5, grid, '26号院', 'old', '中山路', 0, 1);
  const buildings: string[] = [];
  for (let i = 1; i <= n; i++) {
    const [id, h, o] = sync();
    sqlite
      .prepare(
        `INSERT INTO buildings (id, hlc, origin, compound_id, grid_id, community_id, kind, name, address, floors, unit_count, households, residents,
           has_property_mgmt, open_compound, footprint, centroid_lat, centroid_lng, status, status_since)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(id, h, o, compound, grid, community, 'building', `${i}号楼`, `中山路街道 永安西里社区 26号院 ${i}号楼`, 6, 2, 24, 62, 0, 1,
        JSON.stringify(ring[0]), 36.065, 120.375, 'controlled', t);
    const [hid, hh, ho] = sync();
    sqlite
      .prepare(
        `INSERT INTO building_status_history (id, hlc, origin, building_id, status, previous_status, reason, changed_by, changed_at, effective_from)
         VALUES (?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(hid, hh, ho, id, 'controlled', 'normal', '发现密接人员', '值班员', t, t);
    buildings.push(id);
  }
  return { street, community, zone, grid, compound, buildings };
}

export function countRows(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
