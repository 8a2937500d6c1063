import type { ServiceContext } from '../context';
import { authorize } from '../auth/permissions';
import { ServiceError } from '../errors';
import type { ControlStatus } from '../schema';
import type { StatusDefinition } from '../../electron/api/status';
import type { Localized } from '../../messages';

interface DefinitionRow {
  key: string;
  label: string;
  label_en: string;
  color: string;
  rank: number;
  retired: number;
}

const COLUMNS = 'key, label, label_en, color, rank, retired';

function definitionOf(r: DefinitionRow): StatusDefinition {
  return { key: r.key, label: r.label, labelEn: r.label_en, color: r.color, rank: r.rank, retired: r.retired === 1 };
}

/** Every configured status, strictest first. */
export function readDefinitions(ctx: Pick<ServiceContext, 'sqlite'>): StatusDefinition[] {
  return ctx.sqlite.prepare<unknown[], DefinitionRow>(`SELECT ${COLUMNS} FROM status_definitions WHERE deleted = 0 ORDER BY rank DESC, key`).all().map(
    definitionOf,
  );
}

export function definitionByKey(ctx: Pick<ServiceContext, 'sqlite'>, key: string): StatusDefinition | null {
  const row = ctx.sqlite.prepare<unknown[], DefinitionRow>(`SELECT ${COLUMNS} FROM status_definitions WHERE key = ? AND deleted = 0`).get(key);
  return row ? definitionOf(row) : null;
}

/** `statuses.list`: the configured status list, strictest first. */
export function listStatuses(ctx: ServiceContext): StatusDefinition[] {
  authorize(ctx.actor, 'buildings.read');
  return readDefinitions(ctx);
}

/** The key of the baseline status (rank 0, 正常). */
export function baselineStatus(ctx: Pick<ServiceContext, 'sqlite'>): ControlStatus {
  const key = ctx.sqlite.prepare<unknown[], string>('SELECT key FROM status_definitions WHERE rank = 0 AND deleted = 0 ORDER BY key LIMIT 1').pluck().get();
  return key ?? 'normal';
}

/** The status a change may set: configured and not retired; otherwise INVALID_INPUT listing the valid ones. */
export function requireSettable(ctx: Pick<ServiceContext, 'sqlite'>, key: string, field = 'status'): StatusDefinition {
  const all = readDefinitions(ctx);
  const found = all.find((d) => d.key === key);
  if (found && !found.retired) return found;
  const settable = all.filter((d) => !d.retired);
  const valid = {
    'zh-CN': settable.map((d) => `${d.label}（${d.key}）`).join('、'),
    en: settable.map((d) => `${d.labelEn} (${d.key})`).join(', '),
  };
  if (found) throw new ServiceError('INVALID_INPUT', 'status.retired', { label: statusLabel(found), key, valid }, field);
  throw new ServiceError('INVALID_INPUT', 'status.notSettable', { key, valid }, field);
}

/** A status's name in both languages, for messages. */
export function statusLabel(d: Pick<StatusDefinition, 'label' | 'labelEn'>): Localized {
  return { 'zh-CN': d.label, en: d.labelEn };
}
