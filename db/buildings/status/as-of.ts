import { authorize, gridScope } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { baselineStatus } from '../../statuses/definitions';
import type { BuildingStatusAt } from '../../../electron/api/status';

/** The entry that gives building `building` its status at `@at`: the latest in effect and recorded by then. */
export const entryAt = (building: string) => `FROM building_status_history h
  WHERE h.building_id = ${building} AND h.deleted = 0 AND h.effective_from <= @at AND h.changed_at <= @at
  ORDER BY h.effective_from DESC, h.changed_at DESC, h.hlc DESC LIMIT 1`;

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
      `SELECT b.id, coalesce((SELECT h.status ${entryAt('b.id')}), @baseline)
         FROM buildings b
        WHERE b.deleted = 0 AND (@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))`,
    )
    .raw()
    .all({ at: input.at, baseline: baselineStatus(ctx), scope: scope ? JSON.stringify(scope) : null });
  return { at: input.at, statuses: Object.fromEntries(rows) };
}

/**
 * `buildings.statusAt`: one building's status at a moment, by the rule of `map.statusAsOf`, with
 * since when it held it and until when it was to last (as known then). With no entry by then it
 * had the baseline: since when is known only if it never had another status (its record's date).
 */
export function buildingStatusAt(ctx: ServiceContext, input: { id: string; at: number }): BuildingStatusAt {
  authorize(ctx.actor, 'buildings.read');
  const building = ctx.sqlite
    .prepare<unknown[], { grid_id: string; status_since: number; changes: number }>(
      `SELECT grid_id, status_since, (SELECT count(*) FROM building_status_history WHERE building_id = b.id AND deleted = 0) AS changes
         FROM buildings b WHERE id = ? AND deleted = 0`,
    )
    .get(input.id);
  if (!building) throw new ServiceError('NOT_FOUND', 'building.idNotFound', { id: input.id }, 'id');
  authorize(ctx.actor, 'buildings.read', { gridId: building.grid_id });
  const entry = ctx.sqlite
    .prepare<unknown[], { status: string; effective_from: number; effective_until: number | null }>(
      `SELECT h.status, h.effective_from, h.effective_until ${entryAt('@id')}`,
    )
    .get({ id: input.id, at: input.at });
  if (entry) return { at: input.at, status: entry.status, since: entry.effective_from, until: entry.effective_until };
  const since = building.changes === 0 && building.status_since <= input.at ? building.status_since : null;
  return { at: input.at, status: baselineStatus(ctx), since, until: null };
}
