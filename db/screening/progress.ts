import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { requireRound, toRound } from './rounds';
import type { ScreeningProgress, ScreeningTally } from '../../electron/api/screening';

/** The counting queries: both read one round's part of the (round_id, building_id, result) index or a few flagged rows. */
export const progressSql = {
  byBuilding: `SELECT building_id, result, count(*) FROM screening_visits INDEXED BY screening_visits_building_idx
      WHERE round_id = @round GROUP BY building_id, result`,
  /**
   * Findings are kept with 已走访 only (see visit.ts). Without an index on the flags this looks up
   * every visited row; a partial index `(round_id, building_id, returnee, symptoms) WHERE
   * returnee = 1 OR symptoms = 1` turns it into a few lookups.
   */
  findings: `SELECT building_id, sum(returnee), sum(symptoms) FROM screening_visits
      WHERE round_id = @round AND result = 'visited' AND (returnee = 1 OR symptoms = 1) GROUP BY building_id`,
};

const emptyTally = (): ScreeningTally => ({ households: 0, visited: 0, nobodyHome: 0, refused: 0, pending: 0, returnees: 0, symptoms: 0 });

function count(t: ScreeningTally, result: string, n: number): void {
  t.households += n;
  if (result === 'visited') t.visited += n;
  else if (result === 'nobody_home') t.nobodyHome += n;
  else if (result === 'refused') t.refused += n;
  else t.pending += n;
}

/**
 * How far a round has come: totals, each grid, and the share of households done per building
 * id (the buildings of the round that still stand). Counted per building from one pass over the round's
 * part of the building index (one index keeps the pages read small enough to stay cached), then
 * summed into the buildings' grids. A grid worker's figures cover their grids only.
 */
export function screeningProgress(ctx: ServiceContext, input: { roundId: string }): ScreeningProgress {
  authorize(ctx.actor, 'buildings.read');
  const { sqlite } = ctx;
  const round = requireRound(sqlite, input.roundId);
  const scope = gridScope(ctx.actor);
  const mine = scope ? new Set(scope) : null;

  // Every building (deleted ones too: their households were part of the round).
  const buildings = sqlite.prepare<unknown[], [string, string, number]>('SELECT id, grid_id, deleted FROM buildings').raw().all();
  const gridOf = new Map<string, string>();
  const ids: string[] = [];
  for (const [id, grid, deleted] of buildings) {
    if (mine && !mine.has(grid)) continue;
    gridOf.set(id, grid);
    if (!deleted) ids.push(id);
  }

  const perBuilding = new Map<string, { n: number; done: number }>();
  const grids = new Map<string, ScreeningTally>();
  const total = emptyTally();
  const tallyOf = (grid: string) => {
    let t = grids.get(grid);
    if (!t) grids.set(grid, (t = emptyTally()));
    return t;
  };
  for (const [building, result, n] of sqlite.prepare<unknown[], [string, string, number]>(progressSql.byBuilding).raw().all({ round: round.id })) {
    const grid = gridOf.get(building);
    if (grid === undefined) continue;
    let b = perBuilding.get(building);
    if (!b) perBuilding.set(building, (b = { n: 0, done: 0 }));
    b.n += n;
    if (result === 'visited' || result === 'refused') b.done += n;
    count(tallyOf(grid), result, n);
    count(total, result, n);
  }
  for (const [building, returnees, symptoms] of sqlite.prepare<unknown[], [string, number, number]>(progressSql.findings).raw().all({ round: round.id })) {
    const grid = gridOf.get(building);
    if (grid === undefined) continue;
    const t = tallyOf(grid);
    t.returnees += returnees;
    t.symptoms += symptoms;
    total.returnees += returnees;
    total.symptoms += symptoms;
  }

  const names = sqlite
    .prepare<unknown[], [string, string, string]>(`SELECT g.id, g.name, c.name FROM grids g JOIN communities c ON c.id = g.community_id ORDER BY g.code`)
    .raw()
    .all();
  const byGrid = names
    .filter(([id]) => grids.has(id))
    .map(([gridId, gridName, communityName]) => ({ gridId, gridName, communityName, ...grids.get(gridId)! }));
  const buildingShare: Record<string, number> = {};
  for (const id of ids) {
    const b = perBuilding.get(id);
    if (b) buildingShare[id] = b.done / b.n;
  }
  const counts = { households: total.households, visited: total.visited, nobodyHome: total.nobodyHome, refused: total.refused };
  return { round: toRound(sqlite, round, counts), total, byGrid, buildingShare };
}
