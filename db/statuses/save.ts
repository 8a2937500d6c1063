import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { statusDefinitions } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { definitionByKey, type StatusDefinitionData } from './definitions';

export interface SaveStatusInput {
  key: string;
  label: string;
  labelEn: string;
  color: string;
  rank: number;
  retired: boolean;
}

/**
 * The rules a status change must keep, checked against the data as it is now: a label names one
 * status only; the baseline (rank 0) stays the baseline and cannot be retired; a status some
 * building still has cannot be retired. Throws the first rule broken; returns the status as it is.
 */
export function checkStatusChange(ctx: Pick<ServiceContext, 'sqlite'>, input: SaveStatusInput): StatusDefinitionData | null {
  const { sqlite } = ctx;
  const existing = definitionByKey(ctx, input.key);
  const clash = sqlite.prepare('SELECT key FROM status_definitions WHERE label = ? AND key <> ? AND deleted = 0').pluck().get(input.label, input.key) as
    | string
    | undefined;
  if (clash) throw new ServiceError('CONFLICT', `状态名称「${input.label}」已被状态 ${clash} 使用，请换一个名称`, 'label');
  const isBaseline = existing?.rank === 0;
  if (isBaseline && input.rank !== 0) throw new ServiceError('INVALID_INPUT', `「${existing.label}」是基准状态，等级须保持为 0`, 'rank');
  if (!isBaseline && input.rank === 0) throw new ServiceError('INVALID_INPUT', '等级 0 留给基准状态（正常），请填写 1–100', 'rank');
  if (isBaseline && input.retired) throw new ServiceError('CONFLICT', `「${existing.label}」是基准状态，不能停用`, 'retired');
  if (input.retired && existing && !existing.retired) {
    const inUse = sqlite.prepare('SELECT count(*) FROM buildings WHERE status = ? AND deleted = 0').pluck().get(input.key) as number;
    if (inUse > 0) {
      throw new ServiceError('CONFLICT', `还有 ${inUse} 栋楼处于「${existing.label}」状态，请先把它们改为其他状态再停用`, 'retired');
    }
  }
  return existing;
}

/** Writes a checked status (insert or update, stamped); the caller holds the transaction and writes the audit entry. */
export function writeStatus(ctx: ServiceContext, input: SaveStatusInput, existing: StatusDefinitionData | null): void {
  const values = { label: input.label, labelEn: input.labelEn, color: input.color.toLowerCase(), rank: input.rank, retired: input.retired };
  if (existing) {
    const id = ctx.sqlite.prepare('SELECT id FROM status_definitions WHERE key = ? AND deleted = 0').pluck().get(input.key) as string;
    updateRow(ctx, statusDefinitions, id, values);
  } else {
    insertRow(ctx, statusDefinitions, { key: input.key, ...values });
  }
}

/**
 * `statuses.save`: creates a status or changes its label, colour, rank or retirement (administrators),
 * within the rules of `checkStatusChange`.
 */
export function saveStatus(ctx: ServiceContext, input: SaveStatusInput): StatusDefinitionData {
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
