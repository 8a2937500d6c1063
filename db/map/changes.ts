import type { ServiceContext } from '../context';
import { authorize, gridScope } from '../auth/permissions';
import { groupByStatus, mapRevision } from './revision';

/** What the map draws changed: the revision reached and the changed buildings' ids by new status. */
export interface MapChangesData {
  revision: number;
  /** New status → the buildings that have it now; null when reloading the map is cheaper (or needed). */
  statuses: Record<string, string[]> | null;
}

/** What a change pushes to every window (`map.changed`). */
export interface MapDeltaData extends MapChangesData {
  statuses: Record<string, string[]>;
  /** The status batch that made the change: the window that made it knows it by this. */
  batchId: string;
}

/** More changed buildings than this and a window reloads the whole map instead. */
export const MAX_CHANGES = 5_000;

/**
 * `map.changesSince`: every building (of the caller's grids) whose map record changed after
 * `revision`, once each with what it has now. `statuses` is null when the window must reload the
 * map: too many changes, or a revision this database never reached (it was restored from a backup).
 */
export function mapChangesSince(ctx: ServiceContext, input: { revision: number }, limit = MAX_CHANGES): MapChangesData {
  authorize(ctx.actor, 'territory.read');
  const scope = gridScope(ctx.actor);
  const read = ctx.sqlite.transaction(() => {
    const revision = mapRevision(ctx.sqlite);
    if (input.revision > revision) return { revision, statuses: null };
    const rows = ctx.sqlite
      .prepare(
        `SELECT b.id, b.status FROM map_changes c JOIN buildings b ON b.id = c.building_id
          WHERE c.revision > @since AND b.deleted = 0 AND (@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))
          LIMIT @limit`,
      )
      .raw()
      .all({ since: input.revision, scope: scope ? JSON.stringify(scope) : null, limit: limit + 1 }) as [string, string][];
    return { revision, statuses: rows.length > limit ? null : groupByStatus(rows) };
  });
  return read();
}
