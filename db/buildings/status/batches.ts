import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import type { StatusBatch } from '../../../electron/api/status';

export interface BatchRow {
  id: string;
  hlc: string;
  status: string;
  reason: string;
  selection: string;
  building_count: number;
  changed_by: string;
  changed_at: number;
  effective_from: number;
  effective_until: number | null;
  undoes_batch_id: string | null;
  undone_by_batch_id: string | null;
}

const COLUMNS = `s.id, s.hlc, s.status, s.reason, s.selection, s.building_count, s.changed_by, s.changed_at, s.effective_from, s.effective_until,
  s.undoes_batch_id, s.undone_by_batch_id`;

export function batchOf(r: BatchRow): StatusBatch {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    selection: r.selection,
    buildingCount: r.building_count,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    effectiveFrom: r.effective_from,
    effectiveUntil: r.effective_until,
    undoesBatchId: r.undoes_batch_id,
    undoneByBatchId: r.undone_by_batch_id,
  };
}

export function readBatch(ctx: ServiceContext, id: string): BatchRow | null {
  return ctx.sqlite.prepare<unknown[], BatchRow>(`SELECT ${COLUMNS} FROM status_batches s WHERE s.id = ? AND s.deleted = 0`).get(id) ?? null;
}

/** The caller's most recent change that wrote something (not an undo), undone or not. */
export function latestOwnBatch(ctx: ServiceContext): BatchRow | null {
  const row = ctx.sqlite
    .prepare<unknown[], BatchRow>(
      `SELECT ${COLUMNS} FROM status_batches s
        WHERE s.changed_by_id = ? AND s.deleted = 0 AND s.undoes_batch_id IS NULL AND s.building_count > 0
        ORDER BY s.changed_at DESC, s.hlc DESC LIMIT 1`,
    )
    .get(ctx.actor.id);
  return row ?? null;
}

/** `buildings.lastBatch`: the caller's latest change if it can still be undone, else null. */
export function lastBatch(ctx: ServiceContext): StatusBatch | null {
  authorize(ctx.actor, 'buildings.read');
  const row = latestOwnBatch(ctx);
  return row && row.undone_by_batch_id === null ? batchOf(row) : null;
}
