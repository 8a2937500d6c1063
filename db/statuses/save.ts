import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { statusDefinitions } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { definitionByKey, statusLabel } from './definitions';
import type { StatusDefinition } from '../../electron/api/status';

export interface SaveStatusInput {
  key: string;
  label: string;
  labelEn: string;
  color: string;
  rank: number;
  retired: boolean;
  /** A new status (新增状态): refused when the key is already a status's. */
  create?: boolean | undefined;
}

/**
 * The rules a status change must keep, checked against the data as it is now: a new status takes
 * a key no status has; a label names one
 * status only; the baseline (rank 0) stays the baseline and cannot be retired; a status some
 * building still has cannot be retired. Throws the first rule broken; returns the status as it is.
 */
export function checkStatusChange(ctx: Pick<ServiceContext, 'sqlite'>, input: SaveStatusInput): StatusDefinition | null {
  const { sqlite } = ctx;
  const existing = definitionByKey(ctx, input.key);
  if (input.create && existing) throw new ServiceError('CONFLICT', 'status.keyTaken', { key: input.key, label: statusLabel(existing) }, 'key');
  const clash = sqlite.prepare<unknown[], string>('SELECT key FROM status_definitions WHERE label = ? AND key <> ? AND deleted = 0').pluck().get(input.label, input.key);
  if (clash) throw new ServiceError('CONFLICT', 'status.labelTaken', { label: input.label, key: clash }, 'label');
  const isBaseline = existing?.rank === 0;
  if (isBaseline && input.rank !== 0) throw new ServiceError('INVALID_INPUT', 'status.baselineRank', { label: statusLabel(existing) }, 'rank');
  if (!isBaseline && input.rank === 0) throw new ServiceError('INVALID_INPUT', 'status.rankZeroReserved', {}, 'rank');
  if (isBaseline && input.retired) throw new ServiceError('CONFLICT', 'status.baselineRetire', { label: statusLabel(existing) }, 'retired');
  if (input.retired && existing && !existing.retired) {
    const inUse = sqlite.prepare<unknown[], number>('SELECT count(*) FROM buildings WHERE status = ? AND deleted = 0').pluck().get(input.key)!;
    if (inUse > 0) {
      throw new ServiceError('CONFLICT', 'status.inUse', { count: inUse, label: statusLabel(existing) }, 'retired');
    }
  }
  return existing;
}

/** Writes a checked status (insert or update, stamped); the caller holds the transaction and writes the audit entry. */
export function writeStatus(ctx: ServiceContext, input: SaveStatusInput, existing: StatusDefinition | null): void {
  const values = { label: input.label, labelEn: input.labelEn, color: input.color.toLowerCase(), rank: input.rank, retired: input.retired };
  if (existing) {
    const id = ctx.sqlite.prepare<unknown[], string>('SELECT id FROM status_definitions WHERE key = ? AND deleted = 0').pluck().get(input.key)!;
    updateRow(ctx, statusDefinitions, id, values);
  } else {
    insertRow(ctx, statusDefinitions, { key: input.key, ...values });
  }
}

/**
 * `statuses.save`: creates a status or changes its label, colour, rank or retirement (administrators),
 * within the rules of `checkStatusChange`.
 */
export function saveStatus(ctx: ServiceContext, input: SaveStatusInput): StatusDefinition {
  authorize(ctx.actor, 'statuses.configure');
  const existing = checkStatusChange(ctx, input);
  const color = input.color.toLowerCase();
  ctx.sqlite.transaction(() => {
    writeStatus(ctx, input, existing);
    appendAudit(ctx.sqlite, {
      actor: ctx.actor,
      action: existing ? 'statuses.update' : 'statuses.create',
      target: input.key,
      detail: { label: input.label, labelEn: input.labelEn, color, rank: input.rank, retired: input.retired },
    });
  })();
  ctx.emit('data.changed', { domains: ['statuses', 'buildings'] });
  return definitionByKey(ctx, input.key)!;
}
