import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { mappingProblems, type ColumnMapping } from './mapping';
import type { ImportRun } from '../../electron/api/imports';
import type { ImportCounts, Importer, ImporterOf, ImportStatus } from './types';

/** A staged import as the contract shows it. */
export type ImportRunData = ImportRun;

export interface RunRow {
  id: string;
  kind: string;
  file_id: string;
  file_name: string;
  sheet: string | null;
  sheets: string;
  headers: string;
  header_row: number;
  layout_hash: string;
  mapping: string;
  mapping_source: ImportRunData['mappingSource'];
  status: ImportStatus;
  counts: string;
  created_by_id: string;
  created_by: string;
  created_at: number;
  applied_by: string | null;
  applied_at: number | null;
}

export const EMPTY_COUNTS: ImportCounts = { total: 0, create: 0, update: 0, unchanged: 0, conflict: 0, reject: 0 };

export function runData(row: RunRow, importer: Importer<unknown>): ImportRunData {
  const mapping = JSON.parse(row.mapping) as ColumnMapping;
  return {
    id: row.id,
    kind: row.kind,
    title: importer.title,
    fileId: row.file_id,
    fileName: row.file_name,
    sheet: row.sheet,
    sheets: JSON.parse(row.sheets) as string[],
    headers: JSON.parse(row.headers) as string[],
    headerRow: row.header_row,
    fields: importer.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, ...(f.hint ? { hint: f.hint } : {}) })),
    mapping,
    mappingSource: row.mapping_source,
    problems: row.status === 'needs_mapping' ? mappingProblems(importer.fields, mapping) : [],
    status: row.status,
    counts: JSON.parse(row.counts) as ImportCounts,
    createdBy: row.created_by,
    createdAt: row.created_at,
    appliedBy: row.applied_by,
    appliedAt: row.applied_at,
  };
}

export function readRun(sqlite: Database.Database, id: string): RunRow | null {
  return (sqlite.prepare('SELECT * FROM import_runs WHERE id = ?').get(id) as RunRow | undefined) ?? null;
}

/**
 * The run, for an actor allowed to import its kind; NOT_FOUND otherwise (also for a run of a kind
 * the actor may not import, after the permission check says so).
 */
export function requireRun(ctx: ServiceContext, id: string, importerOf: ImporterOf): { row: RunRow; importer: Importer<unknown> } {
  const row = readRun(ctx.sqlite, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'import.runUnknown', {}, 'id');
  const importer = importerOf(row.kind);
  authorize(ctx.actor, importer.permission);
  return { row, importer };
}

/** Refuses to change a run that is applied or discarded. */
export function requireOpenRun(row: RunRow): void {
  if (row.status === 'applied') {
    throw new ServiceError('CONFLICT', 'import.alreadyApplied', { at: new Date(row.applied_at!).toLocaleString('zh-CN', { hour12: false }), by: row.applied_by ?? '' }, 'id');
  }
  if (row.status === 'discarded') throw new ServiceError('CONFLICT', 'import.discarded', {}, 'id');
}
