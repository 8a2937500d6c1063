import { cpSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { uuidv7 } from '../../db/sync/ids';
import { emit, freshDir, median } from './lib';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '建华', '国庆', '淑珍', '志刚', '丽娟', '海涛', '桂兰', '明', '静', '伟', '芳'];

/**
 * Until the demo seed writes households, gives every building of the street its households
 * (as many as the building says it has, unit by unit) and a head for each, so the figures are
 * taken over real buildings and a realistic number of rows.
 */
function ensureHouseholds(sqlite: Database.Database): number {
  const existing = sqlite.prepare('SELECT count(*) FROM households WHERE deleted = 0').pluck().get() as number;
  if (existing > 0) return existing;
  const units = sqlite
    .prepare('SELECT u.id, u.building_id, u.number, u.households, b.floors FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.deleted = 0 ORDER BY b.id, u.number')
    .raw()
    .all() as [string, string, number, number, number][];
  const household = sqlite.prepare(`INSERT INTO households (id, hlc, origin, building_id, unit_id, room, registration) VALUES (?, ?, 'bench', ?, ?, ?, ?)`);
  const resident = sqlite.prepare(
    `INSERT INTO residents (id, hlc, origin, household_id, building_id, name, gender, birth_year, relation, registration)
     VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, 'head', ?)`,
  );
  let n = 0;
  const hlc = '001700000000000:00000:bench';
  sqlite.transaction(() => {
    for (const [unit, building, number, count, floors] of units) {
      const perFloor = Math.max(1, Math.ceil(count / Math.max(1, floors)));
      for (let i = 0; i < count; i++) {
        const room = `${number}单元${Math.floor(i / perFloor) + 1}${String((i % perFloor) + 1).padStart(2, '0')}`;
        const id = uuidv7();
        const registration = n % 5 === 0 ? 'floating' : 'registered';
        household.run(id, hlc, building, unit, room, registration);
        const name = SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7) % GIVEN.length]!;
        resident.run(uuidv7(), hlc, id, building, name, n % 2 ? 'male' : 'female', 1940 + (n % 60), registration);
        n++;
      }
    }
  })();
  return n;
}

/** Fills a round with plausible results: most households visited, some nobody home, a few refusals. */
function fillResults(sqlite: Database.Database, roundId: string, visitedPct: number): void {
  const r = '((rowid * 2654435761) % 1000) / 10.0';
  sqlite
    .prepare(
      `UPDATE screening_visits SET
         result = CASE WHEN ${r} < @v THEN 'visited' WHEN ${r} < @v + 6 THEN 'nobody_home' WHEN ${r} < @v + 9 THEN 'refused' ELSE 'pending' END,
         attempts = CASE WHEN ${r} < @v + 9 THEN 1 ELSE 0 END,
         returnee = (${r} < @v AND rowid % 150 = 0), symptoms = (${r} < @v AND rowid % 700 = 0),
         visited_at = CASE WHEN ${r} < @v + 9 THEN 1700000000000 END, visited_by = CASE WHEN ${r} < @v + 9 THEN '网格员' END
       WHERE round_id = @round`,
    )
    .run({ round: roundId, v: visitedPct });
}

/**
 * Screening on the large street office: starting a round over every household, a single visit,
 * the progress of the whole street and the list of rounds, with 5 rounds in the table.
 */
export async function benchScreening(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const dir = freshDir('screening-large');
  cpSync(largeDir, dir, { recursive: true });
  const runtime = new GridRuntime(dir);
  const session = runtime.sessions.create();
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const reply = await dispatch(runtime, session.id, { mode: 'browser' }, method, input);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as T;
  };
  // Wall time, and this process's CPU time (the machine may be shared: CPU shows the work itself).
  const cpu: number[] = [];
  const timed = async <T>(method: string, input: unknown): Promise<[number, T]> => {
    const t = performance.now();
    const c = process.cpuUsage();
    const result = await call<T>(method, input);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    return [performance.now() - t, result];
  };
  const cpuOf = (runs: number, skip = 0) => Math.round(median(cpu.slice(-runs).slice(skip)) * 10) / 10;
  await call('auth.login', { username: 'admin', password });
  const sqlite = runtime.vault.requireOpen().opened.sqlite;
  const households = ensureHouseholds(sqlite);

  const starts: number[] = [];
  const rounds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms, round] = await timed<{ id: string; households: number }>('screening.start', { scope: { type: 'street' } });
    starts.push(ms);
    rounds.push(round.id);
    fillResults(sqlite, round.id, i < 4 ? 85 : 40);
    if (i < 4) await call('screening.close', { roundId: round.id });
  }
  const visitRows = sqlite.prepare('SELECT count(*) FROM screening_visits').pluck().get() as number;
  emit('screening.start.street.service', median(starts), 'ms', { households, cpuMs: Math.round(median(cpu.slice(0, 5))), runs: starts.map((s) => Math.round(s)), includes: 'validate + one pending visit per household + audit' });

  const current = rounds[4]!;
  const progress: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 15; i++) {
    const [ms, result] = await timed('screening.progress', { roundId: current });
    progress.push(ms);
    bytes = JSON.stringify(result).length;
  }
  emit('screening.progress.service', median(progress.slice(2)), 'ms', { cpuMs: cpuOf(15, 2), households, visitRows, rounds: 5, runs: 13, target: 200, bytes });

  const listing: number[] = [];
  for (let i = 0; i < 15; i++) listing.push((await timed('screening.rounds', {}))[0]);
  emit('screening.rounds.service', median(listing.slice(2)), 'ms', { cpuMs: cpuOf(15, 2), rounds: 5, visitRows, runs: 13 });

  const pending = sqlite
    .prepare(`SELECT household_id FROM screening_visits WHERE round_id = ? AND result = 'pending' LIMIT 200`)
    .pluck()
    .all(current) as string[];
  const visits: number[] = [];
  for (const [i, householdId] of pending.entries()) {
    const findings = i % 20 === 0 ? { returnee: true, symptoms: false, needs: '需要代购生活物资' } : undefined;
    visits.push((await timed('screening.visit', { roundId: current, householdId, result: findings || i % 7 ? 'visited' : 'nobody_home', findings }))[0]);
  }
  emit('screening.visit.service', median(visits), 'ms', { cpuMs: cpuOf(visits.length), runs: visits.length, includes: 'checks + update + queue line; every 20th with a need and a returnee tag' });

  const grid = sqlite.prepare('SELECT grid_id FROM screening_visits WHERE round_id = ? LIMIT 1').pluck().get(current) as string;
  const queue: number[] = [];
  for (let i = 0; i < 15; i++) {
    queue.push((await timed('screening.households', { roundId: current, gridId: grid, results: ['pending', 'nobody_home'], pageSize: 50 }))[0]);
  }
  emit('screening.households.service', median(queue.slice(2)), 'ms', { cpuMs: cpuOf(15, 2), filter: 'one grid, pending + nobody home', pageSize: 50, runs: 13 });
  const street: number[] = [];
  for (let i = 0; i < 7; i++) street.push((await timed('screening.households', { roundId: current, page: 100, pageSize: 50 }))[0]);
  emit('screening.households.street.service', median(street.slice(2)), 'ms', { cpuMs: cpuOf(7, 2), filter: 'none, page 100', pageSize: 50, runs: 5 });
  runtime.close();
}
