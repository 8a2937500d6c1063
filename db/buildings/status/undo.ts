import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { baselineStatus } from '../../statuses/definitions';
import { uuidv7 } from '../../sync/ids';
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
    const insert = sqlite.prepare(
      `INSERT INTO building_status_history (id, hlc, origin, deleted, building_id, status, previous_status, reason, changed_by, changed_at,
         effective_from, effective_until, batch_id) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = sqlite.prepare('UPDATE buildings SET status = ?, status_since = ?, status_until = ?, hlc = ?, origin = ? WHERE id = ?');
    for (const r of restores) {
      const hlc = tick();
      insert.run(uuidv7(at), hlc, ctx.nodeId, r.buildingId, r.status, r.from, reason, ctx.actor.name, at, r.effectiveFrom, r.until, undoId);
      update.run(r.status, r.since, r.until, hlc, ctx.nodeId, r.buildingId);
    }
    sqlite
      .prepare(
        `INSERT INTO status_batches (id, hlc, origin, deleted, status, reason, selection, building_count, changed_by, changed_by_id, changed_at,
           effective_from, effective_until, undoes_batch_id) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      )
      .run(undoId, tick(), ctx.nodeId, mostCommon(restores.map((r) => r.status), batch.status), reason, `撤销「${batch.selection}」`.slice(0, 120),
        restores.length, ctx.actor.name, ctx.actor.id, at, batch.effective_from, batch.id);
    sqlite.prepare('UPDATE status_batches SET undone_by_batch_id = ?, hlc = ?, origin = ? WHERE id = ?').run(undoId, tick(), ctx.nodeId, batch.id);
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: 'buildings.status.undo',
      target: undoId,
      at,
      detail: { undoes: batch.id, status: batch.status, count: restores.length, skipped, reason },
    });
    return { undoId, at, restores, skipped };
  });
  const done = run.immediate();
  const byStatus = new Map<string, string[]>();
  for (const r of done.restores) {
    const ids = byStatus.get(r.status) ?? [];
    ids.push(r.buildingId);
    byStatus.set(r.status, ids);
  }
  for (const [status, ids] of byStatus) ctx.emit('buildings.statusChanged', { ids, status, at: done.at });
  ctx.emit('data.changed', { domains: ['buildings'] });
  return { batchId: done.undoId, changed: done.restores.length, unchanged: 0, skipped: done.skipped, at: done.at };
}
