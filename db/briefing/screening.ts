import type { ServiceContext } from '../context';
import { gridScope } from '../auth/permissions';
import { requireRound, roundWithCounts } from '../screening/rounds';
import type { BriefingScreening } from '../../electron/api/briefing';
import { openRoundVisits } from './visit-counts';

export interface ScreeningFigures {
  total: BriefingScreening;
  /** The open rounds' households and those done, by community. */
  byCommunity: Map<string, { households: number; done: number }>;
  /** Households of the open rounds done on each of the trend's days. */
  doneByDay: number[];
}

/**
 * Done visits of one open round since a moment. The street reads the (round, result, visited_at)
 * index alone; a grid worker's few grids are found by the (round, grid, result) index first.
 */
const doneSql = (scoped: boolean) => `
  SELECT count(*)
    FROM screening_visits INDEXED BY ${scoped ? 'screening_visits_grid_idx' : 'screening_visits_result_time_idx'}
   WHERE round_id = @round AND result IN ('visited', 'refused')
     ${scoped ? 'AND grid_id IN (SELECT value FROM json_each(@scope))' : ''}
     AND visited_at > @since`;

/**
 * Screening of the rounds still open: each round's counts (`roundWithCounts`: a grid worker's
 * grids only), the same by community from the (round, grid, result) index, what was done 24
 * hours ago, and how many households were done on each day of the trend. A day is counted as
 * 24 hours from the first day's midnight. The counts by grid and by day are kept per connection
 * and followed visit by visit (`openRoundVisits`), not counted again after each one.
 */
export function screeningFigures(ctx: ServiceContext, scope: string | null, gridCommunity: ReadonlyMap<string, string>, days: readonly number[], yesterday: number): ScreeningFigures {
  const { sqlite } = ctx;
  const ids = sqlite.prepare<unknown[], string>('SELECT id FROM screening_rounds WHERE deleted = 0 AND closed_at IS NULL ORDER BY number DESC').pluck().all();
  const rounds = ids.map((id) => roundWithCounts(ctx, requireRound(sqlite, id))).filter((r) => !gridScope(ctx.actor) || r.households > 0);

  // Totals the kept counts are checked against: the rounds' own (a grid worker's: their grids').
  const totals = new Map(ids.map((id) => {
    const r = rounds.find((x) => x.id === id);
    return [id, { households: r?.households ?? 0, done: r ? r.visited + r.refused : 0 }] as const;
  }));
  const { perGrid, doneByDay } = openRoundVisits(sqlite, ids, scope, days[0]!, days.length, totals);
  const scoped = scope === null ? {} : { scope };
  const byCommunity = new Map<string, { households: number; done: number }>();
  for (const [grid, result, n] of perGrid) {
    const community = gridCommunity.get(grid);
    if (community === undefined) continue;
    let c = byCommunity.get(community);
    if (!c) byCommunity.set(community, (c = { households: 0, done: 0 }));
    c.households += n;
    if (result === 'visited' || result === 'refused') c.done += n;
  }

  const since = sqlite.prepare<unknown[], number>(doneSql(scope !== null)).pluck();
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
