import { authorize } from '../auth/permissions';
import { buildingGridOf } from '../buildings/scope';
import type { ServiceContext } from '../context';
import { NEED_KINDS_SQL } from '../../messages/requests';
import type { RequestFilter } from '../../electron/api/requests';

/** Past its limit now: read through the index of limits. */
export const OVERDUE = 'r.due_at < @now';
/** Not past a limit; written so that the index of limits is not used (the newest-first order reads the index of receipt). */
export const IN_TIME = 'coalesce(r.due_at, @now) >= @now';

export interface Where {
  sql: string;
  params: Record<string, unknown>;
}

const inList = (name: string, values: readonly string[], params: Record<string, unknown>): string => {
  params[name] = JSON.stringify(values);
  return `(SELECT value FROM json_each(@${name}))`;
};

/**
 * The queue's filter as SQL over `requests r` alone (its grid and community are kept on it), kept
 * to the caller's grids (`scope`, null for the whole street). `overdue` compares with `now` (the
 * limit itself is in time).
 */
export function requestWhere(filter: RequestFilter, scope: readonly string[] | null, now: number): Where {
  const params: Record<string, unknown> = { now };
  const parts = ['r.deleted = 0'];
  if (scope) parts.push(`r.grid_id IN ${inList('scope', scope, params)}`);
  if (filter.communityId) {
    params.communityId = filter.communityId;
    parts.push('r.community_id = @communityId');
  }
  if (filter.gridId) {
    params.gridId = filter.gridId;
    parts.push('r.grid_id = @gridId');
  }
  if (filter.buildingId) {
    params.buildingId = filter.buildingId;
    parts.push('r.building_id = @buildingId');
  }
  if (filter.kinds?.length) parts.push(`r.kind IN ${inList('kinds', filter.kinds, params)}`);
  if (filter.group) parts.push(`r.kind ${filter.group === 'need' ? '' : 'NOT '}IN ${NEED_KINDS_SQL}`);
  if (filter.states?.length) parts.push(`r.state IN ${inList('states', filter.states, params)}`);
  if (filter.sources?.length) parts.push(`r.source IN ${inList('sources', filter.sources, params)}`);
  if (filter.open !== undefined) parts.push(`r.state ${filter.open ? '' : 'NOT '}IN ('pending', 'handling')`);
  if (filter.overdue !== undefined) parts.push(filter.overdue ? OVERDUE : IN_TIME);
  return { sql: parts.join(' AND '), params };
}

/** A grid worker naming a grid or building outside their grids is refused, not shown an empty queue. */
export function checkFilterScope(ctx: ServiceContext, filter: RequestFilter): void {
  if (filter.gridId) authorize(ctx.actor, 'requests.read', { gridId: filter.gridId });
  if (filter.buildingId) authorize(ctx.actor, 'requests.read', { gridId: buildingGridOf(ctx, filter.buildingId, 'filter.buildingId') });
}
