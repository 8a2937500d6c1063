import type { Actor } from '../auth/roles';
import { gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** The communities a grid worker's grids lie in; null for everyone who sees the whole street. */
export function communityScope(ctx: ServiceContext): string[] | null {
  const grids = gridScope(ctx.actor);
  if (grids === null) return null;
  if (grids.length === 0) return [];
  return ctx.sqlite
    .prepare<unknown[], string>(`SELECT DISTINCT community_id FROM grids WHERE deleted = 0 AND id IN (${grids.map(() => '?').join(',')})`)
    .pluck()
    .all(...grids);
}

/** Refuses a grid worker a volunteer outside the communities of their grids. */
export function requireInScope(ctx: ServiceContext, actor: Actor, communityId: string | null): void {
  const scope = communityScope(ctx);
  if (scope && (communityId === null || !scope.includes(communityId))) throw new ServiceError('FORBIDDEN', 'volunteer.outsideCommunities', { name: actor.name });
}
