import type Database from 'better-sqlite3-multiple-ciphers';
import { DAY_MS } from './days';

/** The open rounds' visits as the 大屏 counts them: by (round, grid, result), and done by day of the trend. */
export interface VisitCounts {
  perGrid: [grid: string, result: string, n: number][];
  /** Done visits on each of the trend's days (the last day takes everything after it). */
  doneByDay: number[];
}

interface Kept {
  /** What the counts were made for: the open rounds, the trend's first day, the number of days. */
  shape: string;
  /** Each round's kept counts when last read (every visit updates them in its transaction). */
  version: string;
  /** The newest visit stamp then: later stamps are the visits written since. */
  stamp: string;
  /** `round\tgrid` → result → count. */
  grids: Map<string, Map<string, number>>;
  /** Done visits by day index, -1 for before the trend's first day. */
  days: Map<number, number>;
}

/** Past this many visits written since, counting afresh is cheaper than following them. */
const FOLLOW_AT_MOST = 1_000;
const DONE = ['visited', 'refused'];

const kept = new WeakMap<Database.Database, Map<string, Kept>>();

const scopeSql = (scoped: boolean) => (scoped ? 'AND grid_id IN (SELECT value FROM json_each(@scope))' : '');

function dayIndex(at: number, base: number, count: number): number {
  if (at < base) return -1;
  return Math.min(Math.floor((at - base) / DAY_MS), count - 1);
}

function dayRange(d: number, base: number, count: number): [number, number] {
  if (d < 0) return [Number.MIN_SAFE_INTEGER, base];
  return [base + d * DAY_MS, d === count - 1 ? Number.MAX_SAFE_INTEGER : base + (d + 1) * DAY_MS];
}

/** Everything counted afresh: one pass per round over each of the two indexes, index only. */
function countAll(sqlite: Database.Database, ids: readonly string[], scope: string | null, base: number, count: number): Pick<Kept, 'grids' | 'days'> {
  const scoped = scope === null ? {} : { scope };
  const grids = new Map<string, Map<string, number>>();
  const perGrid = sqlite.prepare<unknown[], [string, string, number]>(
    `SELECT grid_id, result, count(*) FROM screening_visits INDEXED BY screening_visits_grid_idx
      WHERE round_id = @round ${scopeSql(scope !== null)} GROUP BY grid_id, result`,
  );
  const byDay = sqlite.prepare<unknown[], [number, number]>(
    `SELECT CASE WHEN visited_at < @base THEN -1 ELSE CAST((visited_at - @base) / ${DAY_MS} AS INTEGER) END AS d, count(*)
       FROM screening_visits INDEXED BY ${scope === null ? 'screening_visits_result_time_idx' : 'screening_visits_grid_idx'}
      WHERE round_id = @round AND result IN ('visited', 'refused') ${scopeSql(scope !== null)} GROUP BY 1`,
  );
  const days = new Map<number, number>();
  for (const round of ids) {
    for (const [grid, result, n] of perGrid.raw().all({ round, ...scoped })) {
      const key = `${round}\t${grid}`;
      let m = grids.get(key);
      if (!m) grids.set(key, (m = new Map()));
      m.set(result, n);
    }
    for (const [d, n] of byDay.raw().all({ round, base, ...scoped })) {
      const i = Math.min(d, count - 1);
      days.set(i, (days.get(i) ?? 0) + n);
    }
  }
  return { grids, days };
}

/**
 * Follows the visits written since the counts were kept (found by their stamps, a handful after a
 * visit): each touched grid is counted again from the (round, grid, result) index, each day a
 * visit now falls on from the (round, result, visited_at) index. False when that cannot be
 * trusted (too many changes, or the totals no longer add up), so everything is counted afresh.
 */
function follow(sqlite: Database.Database, k: Kept, ids: readonly string[], scope: string | null, base: number, count: number, totals: ReadonlyMap<string, { households: number; done: number }>): boolean {
  const scoped = scope === null ? {} : { scope };
  const changed = sqlite
    .prepare<unknown[], [string, string, string, number | null]>(
      `SELECT round_id, grid_id, result, visited_at FROM screening_visits INDEXED BY screening_visits_hlc_idx
        WHERE hlc > @stamp AND round_id IN (SELECT value FROM json_each(@ids)) ${scopeSql(scope !== null)} LIMIT ${FOLLOW_AT_MOST + 1}`,
    )
    .raw()
    .all({ stamp: k.stamp, ids: JSON.stringify(ids), ...scoped });
  if (changed.length > FOLLOW_AT_MOST) return false;
  const gridCount = sqlite.prepare<unknown[], [string, number]>(
    'SELECT result, count(*) FROM screening_visits INDEXED BY screening_visits_grid_idx WHERE round_id = ? AND grid_id = ? GROUP BY result',
  );
  const dayCount = sqlite.prepare<unknown[], number>(
    `SELECT count(*) FROM screening_visits INDEXED BY screening_visits_result_time_idx
      WHERE round_id = @round AND result IN ('visited', 'refused') AND visited_at >= @from AND visited_at < @to ${scopeSql(scope !== null)}`,
  ).pluck();
  const grids = new Set<string>();
  const days = new Set<number>();
  for (const [round, grid, result, at] of changed) {
    grids.add(`${round}\t${grid}`);
    if (DONE.includes(result) && at !== null) days.add(dayIndex(at, base, count));
  }
  for (const key of grids) {
    const [round, grid] = key.split('\t') as [string, string];
    k.grids.set(key, new Map(gridCount.raw().all(round, grid)));
  }
  for (const d of days) {
    const [from, to] = dayRange(d, base, count);
    k.days.set(d, ids.reduce((n, round) => n + (dayCount.get({ round, from, to, ...scoped }) ?? 0), 0));
  }
  // A stale count can only be too high (its visits moved on and were counted where they are now): the totals tell.
  let households = 0;
  let done = 0;
  for (const m of k.grids.values()) {
    for (const [result, n] of m) {
      households += n;
      if (DONE.includes(result)) done += n;
    }
  }
  const want = [...totals.values()].reduce((s, t) => ({ households: s.households + t.households, done: s.done + t.done }), { households: 0, done: 0 });
  const daySum = [...k.days.values()].reduce((s, n) => s + n, 0);
  return households === want.households && done === want.done && daySum === want.done;
}

/**
 * The open rounds' visits counted by grid and by day, kept per connection and scope: polling reads
 * nothing more, and after a visit only what it touched is counted again, checked against the
 * rounds' kept totals. New rounds, a new day or a scope not seen yet are counted afresh.
 */
export function openRoundVisits(
  sqlite: Database.Database,
  ids: readonly string[],
  scope: string | null,
  base: number,
  count: number,
  totals: ReadonlyMap<string, { households: number; done: number }>,
): VisitCounts {
  const version = JSON.stringify(ids.map((id) => totals.get(id)));
  const stamp = sqlite.prepare<[], string | null>('SELECT max(hlc) FROM screening_visits').pluck().get() ?? '';
  const shape = `${ids.join(',')}|${base}|${count}`;
  let byScope = kept.get(sqlite);
  if (!byScope) kept.set(sqlite, (byScope = new Map()));
  const key = scope ?? '';
  let k = byScope.get(key);
  const fresh = k?.shape === shape && k.version === version && k.stamp === stamp;
  if (!fresh) {
    if (!k || k.shape !== shape || !follow(sqlite, k, ids, scope, base, count, totals)) k = { shape, version, stamp, ...countAll(sqlite, ids, scope, base, count) };
    k.version = version;
    k.stamp = stamp;
    byScope.delete(key);
    byScope.set(key, k);
    // A few scopes at most (the street, a few grid workers): the oldest goes.
    if (byScope.size > 8) byScope.delete(byScope.keys().next().value!);
  }
  const perGrid: VisitCounts['perGrid'] = [];
  for (const [gk, m] of k!.grids) for (const [result, n] of m) perGrid.push([gk.split('\t')[1]!, result, n]);
  const doneByDay = Array.from({ length: count }, (_, d) => k!.days.get(d) ?? 0);
  return { perGrid, doneByDay };
}

/** Forgets what was kept on this connection (the bench uses it to time a full count). */
export function forgetVisitCounts(sqlite: Database.Database): void {
  kept.delete(sqlite);
}
