import type { Permission } from '../auth/permissions';
import type { ServiceContext } from '../context';

/** What applying a row would do. */
export const IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'conflict', 'reject'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<ImportOutcome, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  conflict: '冲突',
  reject: '未通过',
};

export type { ImportCounts, ImportStatus } from '../../electron/api/imports';

/** One column an importer reads. */
export interface ImportField {
  key: string;
  /** The Chinese column name, as a template's header would say it. */
  label: string;
  required: boolean;
  /** Other header names that mean this field (「状态名称」 for 名称); matched after normalising. */
  aliases: string[];
  /** No two rows of one file may carry the same value here (a code, a name). */
  unique?: boolean;
  /** What a cell must look like, shown next to the column choice. */
  hint?: string;
}

/** Why a row cannot be applied: the field at fault (null for the whole row) and the reason, in Chinese. */
export interface FieldProblem {
  field: string | null;
  reason: string;
}

/** The same, as shown and reported: the column's header instead of the field key. */
export interface RowProblem {
  column: string | null;
  reason: string;
}

export type RowCheck<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export type RowMatch = { outcome: 'create' | 'update' | 'unchanged' } | { outcome: 'conflict'; problems: FieldProblem[] };

/**
 * What an importer plugs into the pipeline. The pipeline reads the file, maps columns to `fields`,
 * calls `check` for every row, rejects duplicates in `unique` fields, calls `match` for the rows
 * that pass, and on apply calls `write` for every create or update row inside one transaction.
 */
export interface Importer<T> {
  kind: string;
  /** What is imported, in Chinese: 「状态列表」. */
  title: string;
  permission: Permission;
  fields: ImportField[];
  /**
   * Groups of fields that, together, may appear on one row of a file only (a volunteer's name and
   * phone): compared folded (half-width, no spaces or dashes); a row missing one of them is not compared.
   */
  uniqueTogether?: string[][];
  /**
   * Turns one row's cells (field key → text, trimmed; absent when the field is unmapped) into the
   * value to write, or says what is wrong, per field. May read existing data (to keep what an
   * unmapped column leaves unsaid) but never writes.
   */
  check(ctx: ServiceContext, cells: Record<string, string | undefined>): RowCheck<T>;
  /** Classifies a checked value against the data as it is now. Never writes. */
  match(ctx: ServiceContext, value: T): RowMatch;
  /** Writes one value (create or update) through the domain's own rules; runs inside the apply transaction. */
  write(ctx: ServiceContext, value: T): void;
  /** The `data.changed` domains to announce after an apply. */
  domains: string[];
}

/** Finds the importer of a kind; refuses an unknown kind in Chinese. */
export type ImporterOf = (kind: string) => Importer<unknown>;
