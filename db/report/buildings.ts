import type { ServiceContext } from '../context';
import { entryAt } from '../buildings/status/as-of';
import { IN_SCOPE } from '../overview/scope';
import { statusChangesSince } from '../overview/status-changes';
import { baselineStatus, readDefinitions } from '../statuses/definitions';
import type { DailyReport } from '../../electron/api/report';
import type { ReportDay } from './day';

/** Buildings per status at `at`, by the rule of `map.statusAsOf` (the latest entry in effect and recorded by then). */
function statusCountsAt(ctx: ServiceContext, scope: string | null, at: number): Map<string, number> {
  const rows = ctx.sqlite
    .prepare<unknown[], [string, number]>(
      `SELECT status, count(*) FROM (
         SELECT coalesce((SELECT h.status ${entryAt('b.id')}), @baseline) AS status
           FROM buildings b WHERE b.deleted = 0 AND ${IN_SCOPE})
        GROUP BY status`,
    )
    .raw()
    .all({ at, scope, baseline: baselineStatus(ctx) });
  return new Map(rows);
}

/** The buildings section: every status in use (strictest first, none as 0) at the end of the day, and the day's changes. */
export function buildingFigures(ctx: ServiceContext, scope: string | null, day: ReportDay): DailyReport['buildings'] {
  const counts = statusCountsAt(ctx, scope, day.asOf);
  const defined = readDefinitions(ctx);
  const byStatus = defined.filter((d) => !d.retired || counts.has(d.key)).map((d) => ({ status: d.key, buildings: counts.get(d.key) ?? 0 }));
  // A status no longer defined still counts its buildings.
  for (const [status, buildings] of counts) if (!defined.some((d) => d.key === status)) byStatus.push({ status, buildings });
  return {
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    byStatus,
    changes: statusChangesSince(ctx.sqlite, scope, day.from - 1, day.asOf),
  };
}
