/**
 * Checking the rows of a bundle against this version's schema (the travelling tables of
 * `db/sync/registry.ts`): sync columns well formed, required columns present, stored types and
 * enum values right. Columns this version does not know are split off to be kept, not dropped.
 */
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { HLC_RE } from '../sync/hlc';
import { SYNC_COLUMNS, type TravellingEntry } from '../sync/registry';
import type { VersionVector } from './version-vector';

export interface BundleRow {
  /** 1-based line in the table's file. */
  line: number;
  /** Sync columns and the columns this version knows, SQL names, stored values. */
  values: Record<string, unknown>;
  vv: VersionVector;
  /** Columns this version does not know. */
  extra: Record<string, unknown> | null;
}

type Stored = 'integer' | 'real' | 'text';

function storedType(column: AnySQLiteColumn): Stored {
  const t = column.columnType;
  if (t === 'SQLiteReal') return 'real';
  if (t === 'SQLiteInteger' || t === 'SQLiteBoolean' || t === 'SQLiteTimestamp') return 'integer';
  return 'text';
}

function typeProblem(column: AnySQLiteColumn, value: unknown): string | null {
  if (value === null) return column.notNull ? `「${column.name}」不能为空` : null;
  const stored = storedType(column);
  if (stored === 'text' && typeof value !== 'string') return `「${column.name}」应为文本`;
  if (stored === 'integer' && !Number.isSafeInteger(value)) return `「${column.name}」应为整数`;
  if (stored === 'real' && (typeof value !== 'number' || !Number.isFinite(value))) return `「${column.name}」应为数字`;
  const allowed = (column as { enumValues?: readonly string[] }).enumValues;
  if (allowed && allowed.length > 0 && typeof value === 'string' && !allowed.includes(value)) return `「${column.name}」的值「${value}」不在 ${allowed.join('/')} 之中`;
  return null;
}

const KNOWN_SYNC = new Set<string>([...SYNC_COLUMNS, '_vv']);

const columnsByEntry = new WeakMap<TravellingEntry, Map<string, AnySQLiteColumn>>();

/** A table's columns by SQL name, made once per table rather than once per row. */
function columnsOf(entry: TravellingEntry): Map<string, AnySQLiteColumn> {
  let columns = columnsByEntry.get(entry);
  if (!columns) columnsByEntry.set(entry, (columns = new Map(Object.values(entry.byKey).map((c) => [c.name, c]))));
  return columns;
}

/** A parsed row, or the reason it is refused. */
export function checkRow(entry: TravellingEntry, raw: unknown, line: number): BundleRow | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '不是 JSON 对象';
  const row = raw as Record<string, unknown>;
  if (typeof row.id !== 'string' || row.id.length === 0 || row.id.length > 64) return '「id」缺失或无效';
  if (typeof row.hlc !== 'string' || !HLC_RE.test(row.hlc)) return '「hlc」不是有效的时间戳';
  if (typeof row.origin !== 'string' || row.origin.length === 0) return '「origin」缺失';
  if (row.deleted !== 0 && row.deleted !== 1) return '「deleted」应为 0 或 1';
  const vvRaw = row._vv ?? {};
  if (typeof vvRaw !== 'object' || vvRaw === null || Array.isArray(vvRaw)) return '「_vv」应为对象';
  const vv: VersionVector = {};
  for (const [node, hlc] of Object.entries(vvRaw)) {
    if (typeof hlc !== 'string' || !HLC_RE.test(hlc)) return `「_vv.${node}」不是有效的时间戳`;
    vv[node] = hlc;
  }
  if ((vv[row.origin] ?? '') < row.hlc) vv[row.origin] = row.hlc;
  const values: Record<string, unknown> = { id: row.id, hlc: row.hlc, origin: row.origin, deleted: row.deleted };
  const columns = columnsOf(entry);
  for (const [name, column] of columns) {
    const value = row[name];
    if (value === undefined) {
      if (column.notNull && !column.hasDefault) return `缺少必填列「${name}」`;
      continue;
    }
    const problem = typeProblem(column, value);
    if (problem) return problem;
    values[name] = value;
  }
  let extra: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(row)) {
    if (!KNOWN_SYNC.has(key) && !columns.has(key)) (extra ??= {})[key] = value;
  }
  return { line, values, vv, extra };
}
