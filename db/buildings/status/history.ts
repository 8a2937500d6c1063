import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import type { StatusChange } from '../../../electron/api/buildings';

interface Row {
  id: string;
  status: string;
  previous_status: string | null;
  reason: string;
  changed_by: string;
  changed_at: number;
  effective_from: number;
  effective_until: number | null;
  batch_id: string | null;
  bulk: number;
}

/** Status changes of one building, newest first (`limit` of them, or all). No permission check: callers check. */
export function historyEntries(sqlite: Database.Database, buildingId: string, limit = -1): StatusChange[] {
  const rows = sqlite
    .prepare<unknown[], Row>(
      `SELECT h.id, h.status, h.previous_status, h.reason, h.changed_by, h.changed_at, h.effective_from, h.effective_until, h.batch_id,
              coalesce(b.building_count > 1, 0) AS bulk
         FROM building_status_history h LEFT JOIN status_batches b ON b.id = h.batch_id
        WHERE h.building_id = ? AND h.deleted = 0
        ORDER BY h.changed_at DESC, h.hlc DESC LIMIT ?`,
    )
    .all(buildingId, limit);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    previousStatus: r.previous_status,
    reason: r.reason,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    effectiveFrom: r.effective_from,
    effectiveUntil: r.effective_until,
    batchId: r.batch_id,
    bulk: r.bulk === 1,
  }));
}

/** `buildings.history`: every status change of one building, newest first, with the change each belongs to and whether it was a bulk one. */
export function buildingHistory(ctx: ServiceContext, input: { id: string }): StatusChange[] {
  authorize(ctx.actor, 'buildings.read');
  const gridId = ctx.sqlite.prepare<unknown[], string>('SELECT grid_id FROM buildings WHERE id = ? AND deleted = 0').pluck().get(input.id);
  if (gridId === undefined) throw new ServiceError('NOT_FOUND', 'building.idNotFound', { id: input.id }, 'id');
  authorize(ctx.actor, 'buildings.read', { gridId });
  return historyEntries(ctx.sqlite, input.id);
}
