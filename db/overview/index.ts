import { authorize, can, gridScope } from '../auth/permissions';
import { staffingNow } from '../staffing/now';
import type { ServiceContext } from '../context';
import { requireRound, roundWithCounts } from '../screening/rounds';
import type { Overview, OverviewSinceKind } from '../../electron/api/overview';
import { endingSoon } from './ending';
import { recordEscalations } from '../requests/escalate';
import { requestFigures } from './requests';
import { scopeParam } from './scope';
import { overviewSince } from './since';
import { statusChangesSince } from './status-changes';

/** The newest screening round still open, with its counts in the caller's scope. */
function currentScreening(ctx: ServiceContext): Overview['screening'] {
  const id = ctx.sqlite.prepare<unknown[], string>('SELECT id FROM screening_rounds WHERE deleted = 0 AND closed_at IS NULL ORDER BY number DESC LIMIT 1').pluck().get();
  return id ? roundWithCounts(ctx, requireRound(ctx.sqlite, id)) : null;
}

/**
 * `overview.get`: the start of a duty shift. Every figure is counted from the database for the
 * caller's scope (a grid worker's grids); `since` picks where "since the last shift" begins.
 */
export function overview(ctx: ServiceContext, input: { since: OverviewSinceKind }, now = Date.now()): Overview {
  authorize(ctx.actor, 'buildings.read');
  const { sqlite } = ctx;
  const grids = gridScope(ctx.actor);
  const scope = scopeParam(grids);
  const since = overviewSince(sqlite, ctx.actor.id, input.since, now);
  recordEscalations(ctx, now);
  return {
    now,
    since,
    scope: grids ? 'grids' : 'street',
    statusChanges: statusChangesSince(sqlite, scope, since.at),
    requests: requestFigures(sqlite, scope, since.at, now),
    ending: endingSoon(sqlite, scope, now),
    screening: currentScreening(ctx),
    staffing: can(ctx.actor, 'staffing.read') ? staffingNow(sqlite, grids, now) : null,
  };
}
