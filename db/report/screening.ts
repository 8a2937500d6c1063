import type Database from 'better-sqlite3-multiple-ciphers';
import { scopeLabel, type RoundRow } from '../screening/rounds';
import type { ReportRound, ReportScreening } from '../../electron/api/report';
import type { ReportDay } from './day';

type Counts = Omit<ReportRound, 'id' | 'number' | 'name' | 'scopeLabel'>;

/**
 * The screening rounds open at the end of the day, with their progress then and the visits of the
 * day. A visit row keeps its latest attempt only, so a household visited that day and again later
 * counts at its later visit: the figures of a past day are as exact as the rows allow.
 */
export function screeningFigures(sqlite: Database.Database, scope: string | null, day: ReportDay): ReportScreening {
  const rounds = sqlite
    .prepare<unknown[], RoundRow>(
      `SELECT * FROM screening_rounds WHERE deleted = 0 AND started_at <= @asOf AND (closed_at IS NULL OR closed_at > @asOf) ORDER BY number DESC`,
    )
    .all({ asOf: day.asOf });
  // Two statements, not `@scope IS NULL OR …`: with the scope spelled out SQLite seeks the grids in the (round, grid) index.
  const count = sqlite.prepare<unknown[], Counts>(
    `SELECT count(*) AS households,
            count(*) FILTER (WHERE result IN ('visited', 'refused') AND visited_at <= @asOf) AS done,
            count(*) FILTER (WHERE result = 'nobody_home' AND visited_at <= @asOf) AS nobodyHome,
            count(*) FILTER (WHERE result <> 'pending' AND visited_at >= @from AND visited_at <= @asOf) AS visitsToday,
            count(*) FILTER (WHERE returnee = 1 AND visited_at >= @from AND visited_at <= @asOf) AS returneesToday,
            count(*) FILTER (WHERE symptoms = 1 AND visited_at >= @from AND visited_at <= @asOf) AS symptomsToday,
            count(*) FILTER (WHERE coalesce(needs, '') <> '' AND visited_at >= @from AND visited_at <= @asOf) AS needsToday
       FROM screening_visits
      WHERE round_id = @round AND deleted = 0 ${scope === null ? '' : 'AND grid_id IN (SELECT value FROM json_each(@scope))'}`,
  );
  const out: ReportRound[] = [];
  for (const r of rounds) {
    const c = count.get({ from: day.from, asOf: day.asOf, round: r.id, ...(scope === null ? {} : { scope }) })!;
    if (scope !== null && c.households === 0) continue;
    out.push({ id: r.id, number: r.number, name: r.name, scopeLabel: scopeLabel(sqlite, r.scope_type, JSON.parse(r.scope_ids) as string[]), ...c });
  }
  const sum = (k: keyof Counts) => out.reduce((s, r) => s + r[k], 0);
  return { rounds: out, visitsToday: sum('visitsToday'), returneesToday: sum('returneesToday'), symptomsToday: sum('symptomsToday'), needsToday: sum('needsToday') };
}
