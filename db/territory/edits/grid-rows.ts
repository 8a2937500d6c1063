import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';

export type GridRow = { id: string; code: string; name: string; community_id: string; rings: number[][][] };

export function gridRow(ctx: ServiceContext, id: string, field: string): GridRow {
  const row = ctx.sqlite
    .prepare<[string], { id: string; code: string; name: string; community_id: string; boundary: string }>(
      'SELECT id, code, name, community_id, boundary FROM grids WHERE id = ? AND deleted = 0',
    )
    .get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'territory.noGrid', { id }, field);
  return { id: row.id, code: row.code, name: row.name, community_id: row.community_id, rings: JSON.parse(row.boundary) as number[][][] };
}

export function liveIds(ctx: ServiceContext, table: 'buildings' | 'compounds' | 'duty_posts', gridId: string): string[] {
  return ctx.sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE grid_id = ? AND deleted = 0`).all(gridId).map((r) => r.id);
}
