import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { requestDayFigures } from '../overview/requests';
import { scopeParam } from '../overview/scope';
import type { DailyReport } from '../../electron/api/report';
import { buildingFigures } from './buildings';
import { reportDay } from './day';
import { gridNames, officeOf } from './office';
import { safeCompoundFigures } from './safe-compounds';
import { screeningFigures } from './screening';

/**
 * `report.daily`: the 日报 of one day for the caller's scope (a grid worker's grids). Every figure
 * is counted from the database as of the end of that day, or now while it is today.
 */
export function dailyReport(ctx: ServiceContext, input: { date?: string | undefined }, now = Date.now()): DailyReport {
  authorize(ctx.actor, 'buildings.read');
  const { sqlite } = ctx;
  const grids = gridScope(ctx.actor);
  const scope = scopeParam(grids);
  const day = reportDay(input.date, now);
  return {
    ...day,
    office: officeOf(sqlite),
    scope: grids ? 'grids' : 'street',
    gridNames: grids ? gridNames(sqlite, grids) : [],
    preparedBy: ctx.actor.name,
    buildings: buildingFigures(ctx, scope, day),
    screening: screeningFigures(sqlite, scope, day),
    requests: requestDayFigures(sqlite, scope, day),
    safeCompounds: safeCompoundFigures(sqlite, scope, day),
  };
}
