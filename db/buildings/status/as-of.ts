import { authorize, gridScope } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { baselineStatus } from '../../statuses/definitions';

/**
 * `map.statusAsOf`: every building's status at a moment, by building id (the buildings of
 * `map.layers`' grid scope). A building's status then is its latest entry that had taken effect by
 * then and had been recorded by then; with none, the baseline. An end date alone does not change a
 * status.
 */
export function statusAsOf(ctx: ServiceContext, input: { at: number }): { at: number; statuses: Record<string, string> } {
  authorize(ctx.actor, 'territory.read');
  authorize(ctx.actor, 'buildings.read');
  const scope = gridScope(ctx.actor);
  const rows = ctx.sqlite
    .prepare<unknown[], [string, string]>(
      `SELECT b.id, coalesce((
                SELECT h.status FROM building_status_history h
                 WHERE h.building_id = b.id AND h.deleted = 0 AND h.effective_from <= @at AND h.changed_at <= @at
                 ORDER BY h.effective_from DESC, h.changed_at DESC, h.hlc DESC LIMIT 1), @baseline)
         FROM buildings b
        WHERE b.deleted = 0 AND (@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))`,
    )
    .raw()
    .all({ at: input.at, baseline: baselineStatus(ctx), scope: scope ? JSON.stringify(scope) : null });
  return { at: input.at, statuses: Object.fromEntries(rows) };
}
