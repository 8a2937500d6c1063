import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type SeedSummary } from '../../../db/seed';
import { isValidIdNumber, isValidMobile } from '../../../db/seed/identity';
import { UUID_RE } from '../../../db/sync/ids';
import { parseHlc } from '../../../db/sync/hlc';
import { convexRingsOverlap, ringInsidePolygon, type Position } from '../../../maps/geometry';
import { candidatePairs } from '../maps/spatial';
import { contentHash, SEEDED_TABLES, tempDatabase } from './helpers';

const NOW = Date.UTC(2022, 3, 15, 8, 0, 0);

describe('seedDatabase (small preset)', () => {
  const db = tempDatabase();
  let summary: SeedSummary;
  const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T;

  beforeAll(() => {
    summary = seedDatabase(db.sqlite, { preset: 'small', seed: 42, now: NOW });
  });
  afterAll(() => db.dispose());

  it('creates a street office of the preset size and reports it', () => {
    expect(summary).toMatchObject({ preset: 'small', seed: 42, communities: 3, grids: 24, buildings: 400 });
    expect(summary.zones).toBeGreaterThanOrEqual(9);
    expect(summary.residents).toBeGreaterThan(8_000);
    expect(summary.residents).toBeLessThan(14_000);
    for (const [table, key] of [['communities', 'communities'], ['zones', 'zones'], ['grids', 'grids'], ['compounds', 'compounds'], ['buildings', 'buildings'], ['units', 'units'], ['people', 'people']] as const)
      expect(one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n).toBe(summary[key]);
    expect(one<{ n: number }>('SELECT sum(residents) AS n FROM buildings').n).toBe(summary.residents);
    for (const table of SEEDED_TABLES) expect(one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n).toBeGreaterThan(0);
  });

  it('uses 12-digit codes under the street prefix', () => {
    const street = one<{ code: string; name: string }>('SELECT code, name FROM street_offices');
    expect(street).toEqual({ code: '370202001000', name: '中山路街道' });
    for (const c of all<{ id: string; code: string }>('SELECT id, code FROM communities')) {
      expect(c.code).toMatch(/^\d{12}$/);
      expect(c.code.slice(0, 9)).toBe(street.code.slice(0, 9));
      for (const g of all<{ code: string; number: number; name: string }>('SELECT code, number, name FROM grids WHERE community_id = ?', c.id)) {
        expect(g.code).toBe(`${c.code}-${String(g.number).padStart(2, '0')}`);
        expect(g.name).toBe(`第${g.number}网格`);
      }
    }
  });

  it('addresses buildings as street, community, compound, building', () => {
    const rows = all<{ address: string; expected: string }>(
      `SELECT b.address, '中山路街道 ' || m.name || ' ' || c.name || ' ' || b.name AS expected
         FROM buildings b JOIN compounds c ON c.id = b.compound_id JOIN communities m ON m.id = b.community_id`,
    );
    for (const r of rows) expect(r.address).toBe(r.expected);
    expect(new Set(rows.map((r) => r.address)).size).toBe(rows.length);
    expect(all<{ name: string }>(`SELECT name FROM buildings WHERE kind = 'building'`).every((b) => /^\d+号楼$/.test(b.name))).toBe(true);
    expect(all<{ name: string }>(`SELECT name FROM buildings WHERE kind = 'alley'`).every((b) => /巷$/.test(b.name))).toBe(true);
  });

  it('gives buildings units and plausible sizes', () => {
    const bad = all(
      `SELECT b.id FROM buildings b LEFT JOIN (SELECT building_id, count(*) n, sum(households) h FROM units GROUP BY building_id) u ON u.building_id = b.id
        WHERE u.n IS NOT b.unit_count OR u.h IS NOT b.households OR b.floors < 2 OR b.floors > 33`,
    );
    expect(bad).toEqual([]);
    const r = one<{ h: number; p: number }>('SELECT sum(households) h, sum(residents) p FROM buildings');
    expect(r.p / r.h).toBeGreaterThan(2.1);
    expect(r.p / r.h).toBeLessThan(3.1);
    expect(new Set(all<{ kind: string }>('SELECT DISTINCT kind FROM compounds').map((k) => k.kind))).toEqual(new Set(['gated', 'open', 'old', 'bungalow']));
  });

  it('places every footprint inside its grid, with no two overlapping', () => {
    const grids = new Map(all<{ id: string; boundary: string }>('SELECT id, boundary FROM grids').map((g) => [g.id, JSON.parse(g.boundary) as Position[][]]));
    const rows = all<{ grid_id: string; footprint: string }>('SELECT grid_id, footprint FROM buildings ORDER BY id');
    const rings = rows.map((r) => JSON.parse(r.footprint) as Position[]);
    rows.forEach((r, i) => {
      const ring = rings[i]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringInsidePolygon(ring, grids.get(r.grid_id)!)).toBe(true);
    });
    expect(candidatePairs(rings).filter(([i, j]) => convexRingsOverlap(rings[i]!, rings[j]!))).toEqual([]);
  });

  it('gives people valid ID numbers and mobile phones, all different', () => {
    const people = all<{ id_number: string; phone: string }>('SELECT id_number, phone FROM people');
    for (const p of people) {
      expect(isValidIdNumber(p.id_number)).toBe(true);
      expect(p.id_number.startsWith('370202')).toBe(true);
      expect(isValidMobile(p.phone)).toBe(true);
    }
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
  });

  it('staffs every zone, grid and building', () => {
    const missing = (scope: string, table: string, roles: string) =>
      all(`SELECT t.id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM duty_assignments d WHERE d.scope_type = '${scope}' AND d.scope_id = t.id AND d.role IN (${roles}))`);
    expect(missing('zone', 'zones', `'zone_head'`)).toEqual([]);
    expect(missing('grid', 'grids', `'grid_worker'`)).toEqual([]);
    expect(missing('grid', 'grids', `'grid_head'`)).toEqual([]);
    expect(all(`SELECT b.id FROM buildings b WHERE NOT EXISTS (SELECT 1 FROM duty_assignments d WHERE d.scope_type = 'building' AND d.scope_id = b.id
        AND d.role = CASE b.kind WHEN 'alley' THEN 'alley_head' ELSE 'building_head' END)`)).toEqual([]);
    const heads = one<{ n: number; party: number }>(
      `SELECT count(*) n, sum(p.party_member) party FROM duty_assignments d JOIN people p ON p.id = d.person_id WHERE d.role IN ('zone_head', 'building_head', 'alley_head')`,
    );
    expect(heads.party / heads.n).toBeGreaterThan(0.72);
    expect(heads.party / heads.n).toBeLessThan(0.92);
    expect(one<{ n: number }>(`SELECT count(*) n FROM people WHERE source IN ('cadre', 'party_member') AND employer IS NULL`).n).toBe(0);
  });

  it('marks a few buildings non-normal, each with its history', () => {
    const counts = Object.fromEntries(all<{ status: string; n: number }>('SELECT status, count(*) n FROM buildings GROUP BY status').map((r) => [r.status, r.n]));
    expect(counts.normal).toBeGreaterThan(360);
    expect(counts.sealed).toBeGreaterThanOrEqual(2);
    expect(counts.controlled).toBeGreaterThanOrEqual(2);
    expect(counts.precaution).toBeGreaterThanOrEqual(3);
    expect(all(`SELECT DISTINCT compound_id FROM buildings WHERE status = 'sealed'`)).toHaveLength(1);
    const rows = all<{ status: string; status_since: number; h_status: string | null; h_from: number | null }>(
      `SELECT b.status, b.status_since, h.status h_status, h.effective_from h_from FROM buildings b
         LEFT JOIN building_status_history h ON h.building_id = b.id
          AND h.changed_at = (SELECT max(changed_at) FROM building_status_history WHERE building_id = b.id)
        WHERE b.status <> 'normal'`,
    );
    for (const r of rows) {
      expect(r.h_status).toBe(r.status);
      expect(r.h_from).toBe(r.status_since);
      expect(r.status_since).toBeLessThan(NOW);
      expect(r.status_since).toBeGreaterThan(NOW - 30 * 86_400_000);
    }
  });

  it('stamps the sync columns and the seed in meta', () => {
    const node = one<{ value: string }>(`SELECT value FROM meta WHERE key = 'node_id'`).value;
    expect(one<{ value: string }>(`SELECT value FROM meta WHERE key = 'seed.preset'`).value).toBe('small');
    expect(one<{ value: string }>(`SELECT value FROM meta WHERE key = 'seed.number'`).value).toBe('42');
    for (const table of SEEDED_TABLES) {
      for (const r of all<{ id: string; hlc: string; origin: string; deleted: number }>(`SELECT id, hlc, origin, deleted FROM ${table}`)) {
        expect(r.id).toMatch(UUID_RE);
        expect(parseHlc(r.hlc).node).toBe(node);
        expect(r.deleted).toBe(0);
        expect(r.origin).toBe(node);
      }
    }
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses to seed a database that already has a street office', () => {
    expect(() => seedDatabase(db.sqlite, { preset: 'small', seed: 1 })).toThrow(/已有街道「中山路街道」/);
    expect(one<{ n: number }>('SELECT count(*) n FROM street_offices').n).toBe(1);
  });
});

describe('seedDatabase determinism', () => {
  it('fills two files identically for the same preset, seed and time, and differently for another seed', () => {
    const hashes = [42, 42, 43].map((seed) => {
      const db = tempDatabase();
      try {
        seedDatabase(db.sqlite, { preset: 'small', seed, now: NOW });
        return contentHash(db.sqlite);
      } finally {
        db.dispose();
      }
    });
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('keeps an existing node id and reports progress', () => {
    const db = tempDatabase();
    try {
      db.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('node_id', 'abcdef0123456789')`).run();
      const phases = new Set<string>();
      seedDatabase(db.sqlite, { preset: 'small', seed: 1, now: NOW, onProgress: (p) => phases.add(p.phase) });
      expect(phases.size).toBeGreaterThanOrEqual(2);
      for (const phase of ['写入住户、居民和重点人群', '写入突发事件和放心楼院', '写入入户摸排', '建立索引']) expect(phases).toContain(phase);
      expect(db.sqlite.prepare(`SELECT DISTINCT origin FROM buildings`).all()).toEqual([{ origin: 'abcdef0123456789' }]);
    } finally {
      db.dispose();
    }
  });
});
