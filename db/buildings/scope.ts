import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** The grid of a (not deleted) building; NOT_FOUND naming `field` when there is none. */
export function buildingGridOf(ctx: ServiceContext, buildingId: string, field: string): string {
  const row = ctx.sqlite.prepare<unknown[], { grid_id: string }>('SELECT grid_id FROM buildings WHERE id = ? AND deleted = 0').get(buildingId);
  if (!row) throw new ServiceError('NOT_FOUND', 'building.notFound', {}, field);
  return row.grid_id;
}

/** The grid and community of a (not deleted) building; NOT_FOUND naming `buildingId` when there is none. */
export function buildingPlaceOf(ctx: ServiceContext, buildingId: string): { gridId: string; communityId: string } {
  const row = ctx.sqlite.prepare<unknown[], { grid_id: string; community_id: string }>('SELECT grid_id, community_id FROM buildings WHERE id = ? AND deleted = 0').get(buildingId);
  if (!row) throw new ServiceError('NOT_FOUND', 'building.notFound', {}, 'buildingId');
  return { gridId: row.grid_id, communityId: row.community_id };
}
