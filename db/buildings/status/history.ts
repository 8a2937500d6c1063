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
}

/** Status changes of one building, newest first (`limit` of them, or all). No permission check: callers check. */
export function historyEntries(sqlite: Database.Database, buildingId: string, limit = -1): StatusChange[] {
  const rows = sqlite
    .prepare<unknown[], Row>(
      `SELECT id, status, previous_status, reason, changed_by, changed_at, effective_from, effective_until, batch_id
         FROM building_status_history WHERE building_id = ? AND deleted = 0
        ORDER BY changed_at DESC, hlc DESC LIMIT ?`,
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
  }));
}

/** `buildings.history`: every status change of one building, newest first, with the batch each belongs to. */
export function buildingHistory(ctx: ServiceContext, input: { id: string }): StatusChange[] {
  authorize(ctx.actor, 'buildings.read');
  const gridId = ctx.sqlite.prepare<unknown[], string>('SELECT grid_id FROM buildings WHERE id = ? AND deleted = 0').pluck().get(input.id);
  if (gridId === undefined) throw new ServiceError('NOT_FOUND', 'building.idNotFound', { id: input.id }, 'id');
  authorize(ctx.actor, 'buildings.read', { gridId });
  return historyEntries(ctx.sqlite, input.id);
}
