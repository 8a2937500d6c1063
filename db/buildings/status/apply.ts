import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { buildings, buildingStatusHistory, statusBatches } from '../../schema';
import { uuidv7 } from '../../sync/ids';
import { recordMapChange } from '../../map/revision';
import { insertRow, updateRow } from '../../sync/write';
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
 * the batch row, one audit entry, and a new map revision for the changed buildings. Announces the
 * change after commit: `map.changed` with the changed buildings, or `data.changed` when none changed.
 */
export function applyStatusChange(ctx: ServiceContext, req: ChangeRequest, action: string, now: number): StatusChangeResult {
  authorize(ctx.actor, 'buildings.edit');
  const { sqlite } = ctx;
  const { from, until } = effectivePeriod(req, now);
  const status = requireSettable(ctx, req.status).key;
  const run = sqlite.transaction(() => {
    const selected = resolveSelection(ctx, req.selection);
    authorize(ctx.actor, 'buildings.edit', { gridId: [...new Set(selected.buildings.map((b) => b.grid_id))] });
    const ids = selected.buildings.map((b) => b.id);
    const { at, tick } = stampAfter(ctx, ids, now);
    const batchId = uuidv7(at);
    const changedIds: string[] = [];
    for (const b of selected.buildings) {
      if (b.status === status && b.status_until === until) continue;
      const { hlc } = insertRow(ctx, buildingStatusHistory, {
        buildingId: b.id, status, previousStatus: b.status, reason: req.reason, changedBy: ctx.actor.name, changedAt: at,
        effectiveFrom: from, effectiveUntil: until, batchId,
      }, { id: uuidv7(at), hlc: tick });
      updateRow(ctx, buildings, b.id, { status, statusSince: from, statusUntil: until }, { hlc });
      changedIds.push(b.id);
    }
    const revision = changedIds.length > 0 ? recordMapChange(sqlite, changedIds) : null;
    const label = req.selectionLabel || selected.label;
    insertRow(ctx, statusBatches, {
      status, reason: req.reason, selection: label, buildingCount: changedIds.length, changedBy: ctx.actor.name, changedById: ctx.actor.id,
      changedAt: at, effectiveFrom: from, effectiveUntil: until,
    }, { id: batchId, hlc: tick });
    appendAudit(sqlite, {
      actor: ctx.actor,
      action,
      target: batchId,
      at,
      detail: { status, count: changedIds.length, unchanged: ids.length - changedIds.length, reason: req.reason, selection: label },
    });
    return { batchId, at, changedIds, unchanged: ids.length - changedIds.length, revision };
  });
  const done = run.immediate();
  if (done.revision !== null) ctx.emit('map.changed', { revision: done.revision, batchId: done.batchId, statuses: { [status]: done.changedIds } });
  else ctx.emit('data.changed', { domains: ['buildings'] });
  return { batchId: done.batchId, changed: done.changedIds.length, unchanged: done.unchanged, at: done.at };
}
