import type { ServiceContext } from '../context';
import { gridScope } from '../auth/permissions';
import { requireRound, roundWithCounts } from '../screening/rounds';
import type { BriefingScreening } from '../../electron/api/briefing';
import { DAY_MS } from './days';
import { memo, visitsVersion } from './memo';

export interface ScreeningFigures {
  total: BriefingScreening;
  /** The open rounds' households and those done, by community. */
  byCommunity: Map<string, { households: number; done: number }>;
  /** Households of the open rounds done on each of the trend's days. */
  doneByDay: number[];
}

/**
 * Done visits of one open round: by day of the trend (-1: before it), or since a moment. The
 * street reads the (round, result, visited_at) index alone; a grid worker's few grids are found by
 * the (round, grid, result) index first.
 */
const doneSql = (scoped: boolean, what: 'byDay' | 'since') => `
  SELECT ${what === 'byDay' ? `CASE WHEN visited_at < @base THEN -1 ELSE CAST((visited_at - @base) / ${DAY_MS} AS INTEGER) END AS d, count(*)` : 'count(*)'}
    FROM screening_visits INDEXED BY ${scoped ? 'screening_visits_grid_idx' : 'screening_visits_result_time_idx'}
   WHERE round_id = @round AND result IN ('visited', 'refused')
     ${scoped ? 'AND grid_id IN (SELECT value FROM json_each(@scope))' : ''}
     ${what === 'since' ? 'AND visited_at > @since' : 'GROUP BY 1'}`;

/** Visits of one round by grid and result, read in index order (one round at a time keeps it a stream, not a sort). */
const perGridSql = (scoped: boolean) => `
  SELECT grid_id, result, count(*) FROM screening_visits INDEXED BY screening_visits_grid_idx
   WHERE round_id = @round ${scoped ? 'AND grid_id IN (SELECT value FROM json_each(@scope))' : ''}
   GROUP BY grid_id, result`;

/**
 * Screening of the rounds still open: each round's counts (`roundWithCounts`: a grid worker's
 * grids only), the same by community from the (round, grid, result) index, what was done 24
 * hours ago, and how many households were done on each day of the trend. A day is counted as
 * 24 hours from the first day's midnight. The two passes over the open rounds' visits are kept
 * until a visit is written (`visitsVersion`) or the rounds or the day change.
 */
export function screeningFigures(ctx: ServiceContext, scope: string | null, gridCommunity: ReadonlyMap<string, string>, days: readonly number[], yesterday: number): ScreeningFigures {
  const { sqlite } = ctx;
  const ids = sqlite.prepare<unknown[], string>('SELECT id FROM screening_rounds WHERE deleted = 0 AND closed_at IS NULL ORDER BY number DESC').pluck().all();
  const rounds = ids.map((id) => roundWithCounts(ctx, requireRound(sqlite, id))).filter((r) => !gridScope(ctx.actor) || r.households > 0);

  const version = `${visitsVersion(sqlite, ids)}|${scope ?? ''}`;
  const scoped = scope === null ? {} : { scope };
  const perGrid = memo(sqlite, 'briefing.perGrid', version, () =>
    ids.flatMap((round) => sqlite.prepare<unknown[], [string, string, number]>(perGridSql(scope !== null)).raw().all({ round, ...scoped })),
  );
  const byCommunity = new Map<string, { households: number; done: number }>();
  for (const [grid, result, n] of perGrid) {
    const community = gridCommunity.get(grid);
    if (community === undefined) continue;
    let c = byCommunity.get(community);
    if (!c) byCommunity.set(community, (c = { households: 0, done: 0 }));
    c.households += n;
    if (result === 'visited' || result === 'refused') c.done += n;
  }

  const doneByDay = memo(sqlite, 'briefing.doneByDay', `${version}|${days[0]!}`, () => {
    const out = days.map(() => 0);
    for (const round of ids) {
      const rows = sqlite.prepare<unknown[], [number, number]>(doneSql(scope !== null, 'byDay')).raw().all({ round, base: days[0]!, ...scoped });
      for (const [d, n] of rows) if (d >= 0) out[Math.min(d, days.length - 1)]! += n;
    }
    return out;
  });
  const since = sqlite.prepare<unknown[], number>(doneSql(scope !== null, 'since')).pluck();
  const doneSince = ids.reduce((n, round) => n + (since.get({ round, since: yesterday, ...scoped }) ?? 0), 0);

  const households = rounds.reduce((s, r) => s + r.households, 0);
  const done = rounds.reduce((s, r) => s + r.visited + r.refused, 0);
  return {
    total: {
      rounds: rounds.map((r) => ({ id: r.id, name: r.name, households: r.households, done: r.visited + r.refused })),
      households,
      done,
      doneYesterday: Math.max(0, done - doneSince),
    },
    byCommunity,
    doneByDay,
  };
}
