import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { seedDatabase, type SeedSummary } from '../../../db/seed';
import { writeScreening } from '../../../db/seed/screening';
import type { HouseholdIndex } from '../../../db/seed/residents';
import { SeedWriter } from '../../../db/seed/writer';
import { createRandom } from '../../../maps/random';
import { tempDatabase } from './helpers';

const NOW = Date.UTC(2022, 3, 15, 8, 0, 0);
const DAY = 86_400_000;

interface Round { id: string; number: number; name: string; scope_type: string; scope_ids: string; started_at: number; closed_at: number | null; household_count: number }
interface Tally { visited: number; refused: number; nobody_home: number; pending: number; total: number }

function tallies(sqlite: Database.Database): Map<number, Tally> {
  const rows = sqlite
    .prepare('SELECT r.number, v.result, count(*) n FROM screening_visits v JOIN screening_rounds r ON r.id = v.round_id GROUP BY r.number, v.result')
    .all() as { number: number; result: keyof Tally; n: number }[];
  const out = new Map<number, Tally>();
  for (const r of rows) {
    const t = out.get(r.number) ?? { visited: 0, refused: 0, nobody_home: 0, pending: 0, total: 0 };
    t[r.result] += r.n;
    t.total += r.n;
    out.set(r.number, t);
  }
  return out;
}

/** Every visit's household lies in the visit's building and grid; visitors work in that grid. */
function checkVisitsConsistent(sqlite: Database.Database): void {
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  expect(count(`SELECT count(*) n FROM screening_visits v JOIN households h ON h.id = v.household_id JOIN buildings b ON b.id = h.building_id
                 WHERE v.building_id <> h.building_id OR v.grid_id <> b.grid_id`)).toBe(0);
  expect(count(`SELECT count(*) n FROM screening_visits v WHERE v.visited_by IS NOT NULL AND v.visited_by NOT IN
                 (SELECT p.name FROM duty_assignments d JOIN people p ON p.id = d.person_id WHERE d.role = 'grid_worker' AND d.scope_type = 'grid' AND d.scope_id = v.grid_id)`)).toBe(0);
  expect(count(`SELECT count(*) n FROM screening_visits v JOIN screening_rounds r ON r.id = v.round_id
                 WHERE (v.result = 'pending') <> (v.attempts = 0) OR (v.visited_at IS NULL) <> (v.attempts = 0) OR (v.visited_by IS NULL) <> (v.attempts = 0)
                    OR v.attempts > 3 OR v.visited_at < r.started_at OR v.visited_at > coalesce(r.closed_at, ${NOW})`)).toBe(0);
  expect(count(`SELECT count(*) n FROM screening_visits WHERE result <> 'visited' AND (returnee OR symptoms OR needs IS NOT NULL)`)).toBe(0);
  expect(count(`SELECT count(*) n FROM screening_rounds r WHERE r.visited_count <> (SELECT count(*) FROM screening_visits WHERE round_id = r.id AND result = 'visited')
                   OR r.nobody_home_count <> (SELECT count(*) FROM screening_visits WHERE round_id = r.id AND result = 'nobody_home')
                   OR r.refused_count <> (SELECT count(*) FROM screening_visits WHERE round_id = r.id AND result = 'refused')`)).toBe(0);
}

function checkClosedRound(t: Tally, households: number): void {
  expect(t.total).toBe(households);
  expect(t.pending).toBe(0);
  expect(t.visited / t.total).toBeGreaterThan(0.95);
  expect(t.refused).toBeGreaterThan(0);
  expect(t.refused / t.total).toBeLessThan(0.02);
  expect(t.nobody_home / t.total).toBeLessThan(0.03);
}

function checkOpenRound(t: Tally, households: number): void {
  expect(t.total).toBe(households);
  const done = (t.visited + t.refused) / t.total;
  expect(done).toBeGreaterThan(0.55);
  expect(done).toBeLessThan(0.7);
  expect(t.pending).toBeGreaterThan(0);
  expect(t.nobody_home).toBeGreaterThan(0);
}

describe('seeded screening rounds (small preset)', () => {
  const db = tempDatabase();
  let summary: SeedSummary;
  const all = <T>(sql: string) => db.sqlite.prepare(sql).all() as T[];
  const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;

  beforeAll(() => {
    summary = seedDatabase(db.sqlite, { preset: 'small', seed: 42, now: NOW });
  });
  afterAll(() => db.dispose());

  it('runs two rounds over the whole street: the first closed, the second under way', () => {
    const rounds = all<Round>('SELECT * FROM screening_rounds ORDER BY number');
    expect(rounds.map((r) => r.name)).toEqual(['第1轮入户摸排', '第2轮入户摸排']);
    for (const r of rounds) {
      expect(r.scope_type).toBe('street');
      expect(JSON.parse(r.scope_ids)).toEqual([]);
      expect(r.household_count).toBe(summary.households);
    }
    expect(rounds[0]!.closed_at).not.toBeNull();
    expect(rounds[0]!.closed_at!).toBeLessThan(rounds[1]!.started_at);
    expect(rounds[1]!.started_at - rounds[0]!.started_at).toBeGreaterThanOrEqual(5 * DAY);
    expect(rounds[1]!.closed_at).toBeNull();
    expect(rounds[1]!.started_at).toBeLessThan(NOW);
    expect(summary.screeningVisits).toBe(2 * summary.households);
    const t = tallies(db.sqlite);
    checkClosedRound(t.get(1)!, summary.households);
    checkOpenRound(t.get(2)!, summary.households);
    expect(count(`SELECT count(*) n FROM screening_visits WHERE result = 'nobody_home' AND attempts < 3 AND round_id = (SELECT id FROM screening_rounds WHERE number = 1)`)).toBe(0);
    expect(count(`SELECT count(*) n FROM screening_visits WHERE result = 'visited' AND attempts > 1`)).toBeGreaterThan(0);
  });

  it('keeps every visit in its household\'s building and grid, visited by that grid\'s workers', () => {
    checkVisitsConsistent(db.sqlite);
  });

  it('finds a few returnees, matching the residents tagged as returnees', () => {
    const found = count(`SELECT count(*) n FROM screening_visits WHERE returnee = 1`);
    expect(found).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM screening_visits v WHERE v.returnee = 1 AND NOT EXISTS
                   (SELECT 1 FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE r.household_id = v.household_id AND t.tag = 'returnee' AND t.starts_on <= v.visited_at)`)).toBe(0);
    expect(count(`SELECT count(*) n FROM screening_visits WHERE needs IS NOT NULL`) / summary.screeningVisits).toBeLessThan(0.02);
  });
});

describe('five screening rounds (as in the large preset)', () => {
  it('closes rounds 1–4 and leaves round 5 partly done', () => {
    const db = tempDatabase();
    try {
      const summary = seedDatabase(db.sqlite, { preset: 'small', seed: 5, now: NOW });
      const households = db.sqlite
        .prepare(
          `SELECT h.id, h.building_id, b.grid_id,
                  (SELECT json_group_array(p.name) FROM duty_assignments d JOIN people p ON p.id = d.person_id WHERE d.role = 'grid_worker' AND d.scope_id = b.grid_id) workers
             FROM households h JOIN buildings b ON b.id = h.building_id ORDER BY h.id`,
        )
        .all() as { id: string; building_id: string; grid_id: string; workers: string }[];
      const index: HouseholdIndex = {
        ids: households.map((h) => h.id),
        buildingIds: households.map((h) => h.building_id),
        gridIds: households.map((h) => h.grid_id),
        workers: households.map((h) => JSON.parse(h.workers) as string[]),
        returneeSince: households.map(() => 0),
      };
      const node = (db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).get() as { value: string }).value;
      db.sqlite.transaction(() => {
        db.sqlite.exec('DELETE FROM screening_visits; DELETE FROM screening_rounds;');
        const counts = writeScreening(index, new SeedWriter(db.sqlite, createRandom(9), node, NOW), createRandom(5), NOW, 5, ['王海燕'], () => {});
        expect(counts).toEqual({ rounds: 5, visits: 5 * summary.households });
      })();
      const rounds = db.sqlite.prepare('SELECT * FROM screening_rounds ORDER BY number').all() as Round[];
      expect(rounds.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
      expect(rounds.slice(0, 4).every((r) => r.closed_at !== null)).toBe(true);
      expect(rounds[4]!.closed_at).toBeNull();
      for (let i = 1; i < 5; i++) expect(rounds[i]!.started_at - rounds[i - 1]!.started_at).toBeGreaterThanOrEqual(5 * DAY);
      const t = tallies(db.sqlite);
      for (let n = 1; n <= 4; n++) checkClosedRound(t.get(n)!, summary.households);
      checkOpenRound(t.get(5)!, summary.households);
      checkVisitsConsistent(db.sqlite);
    } finally {
      db.dispose();
    }
  });
});
