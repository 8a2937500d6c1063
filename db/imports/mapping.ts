import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import { columnLetter, normaliseHeader } from './header';
import type { ImportField } from './types';

/** Field key → 0-based column index, or null when the field is read from no column. */
export type ColumnMapping = Record<string, number | null>;

/** Each field mapped to the header that names it (its label, key or an alias), if there is one. */
export function autoMapping(fields: ImportField[], headers: string[]): ColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of fields) {
    const names = new Set([field.label, field.key, ...field.aliases].map(normaliseHeader));
    const index = normalised.findIndex((h, i) => !taken.has(i) && names.has(h));
    mapping[field.key] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return mapping;
}

/**
 * The mapping last chosen for this layout (set by a person, or used by an applied import), or null.
 * Only columns that still exist and fields this importer still has are kept.
 */
export function rememberedMapping(sqlite: Database.Database, kind: string, layout: string, fields: ImportField[], width: number): ColumnMapping | null {
  const text = sqlite
    .prepare(
      `SELECT mapping FROM import_runs WHERE kind = ? AND layout_hash = ? AND (mapping_source = 'chosen' OR status = 'applied')
       ORDER BY created_at DESC LIMIT 1`,
    )
    .pluck()
    .get(kind, layout) as string | undefined;
  if (!text) return null;
  const stored = JSON.parse(text) as ColumnMapping;
  return Object.fromEntries(fields.map((f) => [f.key, typeof stored[f.key] === 'number' && stored[f.key]! < width ? stored[f.key]! : null]));
}

/** A mapping a person chose, checked: known fields, existing columns, no column read twice. */
export function checkMapping(fields: ImportField[], headers: string[], mapping: ColumnMapping): ColumnMapping {
  const known = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(mapping)) {
    if (!known.has(key)) throw new ServiceError('INVALID_INPUT', 'import.fieldUnknown', { key }, `mapping.${key}`);
  }
  const byColumn = new Map<number, ImportField>();
  const checked: ColumnMapping = {};
  for (const field of fields) {
    const index = mapping[field.key] ?? null;
    if (index !== null) {
      if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
        throw new ServiceError('INVALID_INPUT', 'import.columnMissing', { field: field.label, count: headers.length }, `mapping.${field.key}`);
      }
      const other = byColumn.get(index);
      if (other) {
        throw new ServiceError(
          'INVALID_INPUT',
          'import.columnTwice',
          { first: other.label, second: field.label, column: columnLetter(index), header: headers[index] ?? '' },
          `mapping.${field.key}`,
        );
      }
      byColumn.set(index, field);
    }
    checked[field.key] = index;
  }
  return checked;
}

/** The sheet-level problems of a mapping: required fields read from no column. */
export function mappingProblems(fields: ImportField[], mapping: ColumnMapping): string[] {
  return fields
    .filter((f) => f.required && (mapping[f.key] ?? null) === null)
    .map((f) => `必填字段「${f.label}」还没有对应的列${f.aliases.length ? `（表头可写作：${[f.label, ...f.aliases].join(' / ')}）` : ''}`);
}

/**
 * A remembered mapping with its gaps filled by the header names: a field it leaves without a
 * column gets the one its name matches, unless another field already reads that column.
 */
export function fillMappingGaps(remembered: ColumnMapping, auto: ColumnMapping): ColumnMapping {
  const filled: ColumnMapping = { ...remembered };
  const taken = new Set(Object.values(remembered).filter((i): i is number => i !== null));
  for (const [key, index] of Object.entries(auto)) {
    if ((filled[key] ?? null) === null && index !== null && !taken.has(index)) {
      filled[key] = index;
      taken.add(index);
    }
  }
  return filled;
}
