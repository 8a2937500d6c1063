import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { baselineStatus } from '../../statuses/definitions';
import { buildings, buildingStatusHistory, statusBatches } from '../../schema';
import { uuidv7 } from '../../sync/ids';
import { groupByStatus, recordMapChange } from '../../map/revision';
import { insertRow, updateRow } from '../../sync/write';
import { latestOwnBatch, readBatch, type BatchRow } from './batches';
import { stampAfter } from './stamp';
import { formatMoment } from './times';
import type { UndoResult } from '../../../electron/api/status';

interface Entry {
  id: string;
  hlc: string;
  building_id: string;
  grid_id: string;
  status: string;
  previous_status: string | null;
  changed_at: number;
  effective_from: number;
}

interface Restore {
  buildingId: string;
  gridId: string;
  status: string;
  from: string;
  effectiveFrom: number;
  since: number;
  until: number | null;
}

function refuseUnlessUndoable(ctx: ServiceContext, batch: BatchRow | null, batchId: string): BatchRow {
  if (!batch) throw new ServiceError('NOT_FOUND', 'batch.notFound', { id: batchId }, 'batchId');
  if (batch.undoes_batch_id) throw new ServiceError('CONFLICT', 'batch.isUndo', {}, 'batchId');
  if (batch.undone_by_batch_id) throw new ServiceError('CONFLICT', 'batch.alreadyUndone', { selection: batch.selection }, 'batchId');
  const latest = latestOwnBatch(ctx);
  if (latest?.id !== batch.id) {
    throw new ServiceError('CONFLICT', 'batch.notLatest', { selection: batch.selection, at: formatMoment(batch.changed_at), by: batch.changed_by }, 'batchId');
  }
  return batch;
}

/** Each building of the batch whose latest entry is still the batch's, with what it had before. */
function restorable(ctx: ServiceContext, batch: BatchRow): { restores: Restore[]; skipped: number } {
  const entries = ctx.sqlite
    .prepare<unknown[], Entry>(
      `SELECT h.id, h.hlc, h.building_id, b.grid_id, h.status, h.previous_status, h.changed_at, h.effective_from
         FROM building_status_history h JOIN buildings b ON b.id = h.building_id
        WHERE h.batch_id = ? AND h.deleted = 0 AND b.deleted = 0`,
    )
    .all(batch.id);
  const latest = ctx.sqlite.prepare<unknown[], string>(
    'SELECT id FROM building_status_history WHERE building_id = ? AND deleted = 0 ORDER BY changed_at DESC, hlc DESC LIMIT 1',
  );
  const before = ctx.sqlite.prepare<unknown[], { status: string; effective_from: number; effective_until: number | null }>(
    `SELECT status, effective_from, effective_until FROM building_status_history
      WHERE building_id = @building AND deleted = 0 AND (changed_at < @at OR (changed_at = @at AND hlc < @hlc))
      ORDER BY changed_at DESC, hlc DESC LIMIT 1`,
  );
  const baseline = baselineStatus(ctx);
  const restores: Restore[] = [];
  let skipped = 0;
  for (const e of entries) {
    if (latest.pluck().get(e.building_id) !== e.id) {
      skipped++;
      continue;
    }
    const status = e.previous_status ?? baseline;
    const prev = before.get({ building: e.building_id, at: e.changed_at, hlc: e.hlc });
    const same = prev?.status === status;
    restores.push({
      buildingId: e.building_id,
      gridId: e.grid_id,
      status,
      from: e.status,
      effectiveFrom: e.effective_from,
      since: same ? prev.effective_from : e.effective_from,
      until: same ? prev.effective_until : null,
    });
  }
  return { restores, skipped };
}

function mostCommon(values: string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

/**
 * `buildings.undoBatch`: reverts the caller's latest change by writing new entries that restore each
 * building's previous status and end (nothing is deleted). Buildings changed again since are left
 * as they are and counted.
 */
export function undoBatch(ctx: ServiceContext, input: { batchId: string }, now = Date.now()): UndoResult {
  authorize(ctx.actor, 'buildings.edit');
  const { sqlite } = ctx;
  const run = sqlite.transaction(() => {
    const batch = refuseUnlessUndoable(ctx, readBatch(ctx, input.batchId), input.batchId);
    const { restores, skipped } = restorable(ctx, batch);
    if (restores.length > 0) authorize(ctx.actor, 'buildings.edit', { gridId: [...new Set(restores.map((r) => r.gridId))] });
    const { at, tick } = stampAfter(ctx, restores.length > 0 ? restores.map((r) => r.buildingId) : [], now);
    const undoId = uuidv7(at);
    const reason = `撤销：${batch.reason}`.slice(0, 200);
    for (const r of restores) {
      const { hlc } = insertRow(ctx, buildingStatusHistory, {
        buildingId: r.buildingId, status: r.status, previousStatus: r.from, reason, changedBy: ctx.actor.name, changedAt: at,
        effectiveFrom: r.effectiveFrom, effectiveUntil: r.until, batchId: undoId,
      }, { id: uuidv7(at), hlc: tick });
      updateRow(ctx, buildings, r.buildingId, { status: r.status, statusSince: r.since, statusUntil: r.until }, { hlc });
    }
    const revision = restores.length > 0 ? recordMapChange(sqlite, restores.map((r) => r.buildingId)) : null;
    insertRow(ctx, statusBatches, {
      status: mostCommon(restores.map((r) => r.status), batch.status), reason, selection: `撤销「${batch.selection}」`.slice(0, 120),
      buildingCount: restores.length, changedBy: ctx.actor.name, changedById: ctx.actor.id, changedAt: at, effectiveFrom: batch.effective_from,
      effectiveUntil: null, undoesBatchId: batch.id,
    }, { id: undoId, hlc: tick });
    updateRow(ctx, statusBatches, batch.id, { undoneByBatchId: undoId }, { hlc: tick });
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: 'buildings.status.undo',
      target: undoId,
      at,
      detail: { undoes: batch.id, status: batch.status, count: restores.length, skipped, reason },
    });
    return { undoId, at, restores, skipped, revision };
  });
  const done = run.immediate();
  if (done.revision === null) ctx.emit('data.changed', { domains: ['buildings'] });
  else {
    const statuses = groupByStatus(done.restores.map((r) => [r.buildingId, r.status] as const));
    ctx.emit('map.changed', { revision: done.revision, batchId: done.undoId, statuses });
  }
  return { batchId: done.undoId, changed: done.restores.length, unchanged: 0, skipped: done.skipped, at: done.at };
}
