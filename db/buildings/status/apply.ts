import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { uuidv7 } from '../../sync/ids';
import { requireSettable } from '../../statuses/definitions';
import { resolveSelection, type Selection } from './selection';
import { stampAfter } from './stamp';
import { effectivePeriod } from './times';
import type { StatusChangeResult } from '../../../electron/api/status';

export interface ChangeRequest {
  selection: Selection;
  selectionLabel?: string | undefined;
  status: string;
  reason: string;
  effectiveFrom?: number | undefined;
  effectiveUntil?: number | null | undefined;
}

/**
 * Sets one status on the selected buildings as one batch, in one transaction: a history entry and
 * the new current status for each building that does not already have exactly that status and end,
 * the batch row, one audit entry. Announces the change after commit.
 */
export function applyStatusChange(ctx: ServiceContext, req: ChangeRequest, action: string, now: number): StatusChangeResult {
  authorize(ctx.actor, 'buildings.edit');
  const { sqlite } = ctx;
  const { from, until } = effectivePeriod(req, now);
  const status = requireSettable(ctx, req.status).key;
  const insertHistory = sqlite.prepare(
    `INSERT INTO building_status_history (id, hlc, origin, deleted, building_id, status, previous_status, reason, changed_by, changed_at,
       effective_from, effective_until, batch_id) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateBuilding = sqlite.prepare('UPDATE buildings SET status = ?, status_since = ?, status_until = ?, hlc = ?, origin = ? WHERE id = ?');
  const run = sqlite.transaction(() => {
    const selected = resolveSelection(ctx, req.selection);
    authorize(ctx.actor, 'buildings.edit', { gridId: [...new Set(selected.buildings.map((b) => b.grid_id))] });
    const ids = selected.buildings.map((b) => b.id);
    const { at, tick } = stampAfter(ctx, ids, now);
    const batchId = uuidv7(at);
    const changedIds: string[] = [];
    for (const b of selected.buildings) {
      if (b.status === status && b.status_until === until) continue;
      const hlc = tick();
      insertHistory.run(uuidv7(at), hlc, ctx.nodeId, b.id, status, b.status, req.reason, ctx.actor.name, at, from, until, batchId);
      updateBuilding.run(status, from, until, hlc, ctx.nodeId, b.id);
      changedIds.push(b.id);
    }
    const label = req.selectionLabel || selected.label;
    sqlite
      .prepare(
        `INSERT INTO status_batches (id, hlc, origin, deleted, status, reason, selection, building_count, changed_by, changed_by_id, changed_at,
           effective_from, effective_until) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(batchId, tick(), ctx.nodeId, status, req.reason, label, changedIds.length, ctx.actor.name, ctx.actor.id, at, from, until);
    appendAudit(sqlite, {
      actor: ctx.actor,
      action,
      target: batchId,
      at,
      detail: { status, count: changedIds.length, unchanged: ids.length - changedIds.length, reason: req.reason, selection: label },
    });
    return { batchId, at, changedIds, unchanged: ids.length - changedIds.length };
  });
  const done = run.immediate();
  if (done.changedIds.length > 0) ctx.emit('buildings.statusChanged', { ids: done.changedIds, status, at: done.at });
  ctx.emit('data.changed', { domains: ['buildings'] });
  return { batchId: done.batchId, changed: done.changedIds.length, unchanged: done.unchanged, at: done.at };
}
