import { z } from 'zod';
import { mutation, query } from './define';
import { idSchema, type PagedResult } from './common';
import type { JobInfo } from './jobs';

/** What can be imported from a spreadsheet. */
export const importKinds = ['statuses', 'residents', 'volunteers'] as const;
export type ImportKind = (typeof importKinds)[number];

/** What applying a row would do: 新增 / 更新 / 无变化 / 冲突 / 未通过. */
export const importOutcomes = ['create', 'update', 'unchanged', 'conflict', 'reject'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

export type ImportStatus = 'needs_mapping' | 'ready' | 'applied' | 'discarded';

export type ImportCounts = Record<ImportOutcome | 'total', number>;

/** One field the importer reads, to be matched with a column. */
export interface ImportFieldInfo {
  key: string;
  label: string;
  required: boolean;
  hint?: string;
}

/** A staged import: the file read, its columns and how they map to fields, and what applying would do. */
export interface ImportRun {
  id: string;
  kind: string;
  /** What is imported, in Chinese: 「状态列表」. */
  title: string;
  fileId: string;
  fileName: string;
  /** The worksheet read (null for CSV), and all of the workbook's sheets. */
  sheet: string | null;
  sheets: string[];
  /** The header row's texts, in column order, and its row number. */
  headers: string[];
  headerRow: number;
  fields: ImportFieldInfo[];
  /** Field key → 0-based column index, or null. */
  mapping: Record<string, number | null>;
  /** `remembered`: the same layout was mapped before; `auto`: by header names; `chosen`: by the user. */
  mappingSource: 'auto' | 'remembered' | 'chosen';
  /** What keeps the run from being previewed (a required field with no column), in Chinese. */
  problems: string[];
  status: ImportStatus;
  counts: ImportCounts;
  createdBy: string;
  createdAt: number;
  appliedBy: string | null;
  appliedAt: number | null;
}

/** A reason a row cannot be applied: the column's header (null for the whole row) and why. */
export interface ImportRowProblem {
  column: string | null;
  reason: string;
}

export interface ImportRow {
  /** The row number as the spreadsheet shows it. */
  rowNo: number;
  outcome: ImportOutcome;
  /** The row's cells as read, in column order. */
  cells: string[];
  problems: ImportRowProblem[];
}

export interface ImportPreview extends PagedResult<ImportRow> {
  run: ImportRun;
}

/** The rejected rows' report, a stored file to download by id (`JobInfo.file`; `result` is this). */
export interface ImportReportFile {
  fileId: string;
  name: string;
  size: number;
  rows: number;
}

const runId = z.object({ id: idSchema }).strict();

/**
 * The long steps (stage, setMapping, apply, report) start a job and answer with it; the job's
 * `result` is the `ImportRun` (the `ImportReportFile` for a report), its `error` the refusal.
 */
/**
 * Every import method is open to any signed-in account at the contract; the importer of the kind
 * names the permission its data needs (the status list: statuses.configure), checked before any work.
 */
export const importMethods = {
  /** Reads an uploaded file (from the file store), maps its columns and classifies every row; writes nothing to the data. */
  'imports.stage': mutation<JobInfo>({ permission: 'signedIn', invalidates: ['imports', 'jobs'], job: true })(
    z
      .object({
        kind: z.enum(importKinds, { error: '不支持这种导入' }),
        fileId: z.string().uuid({ message: '不是有效的文件编号' }),
        sheet: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
  ),
  'imports.get': query<ImportRun>({ permission: 'signedIn' })(runId),
  /** The user's choice of columns: remembered for this layout; the rows are checked again. */
  'imports.setMapping': mutation<JobInfo>({ permission: 'signedIn', invalidates: ['imports', 'jobs'], job: true })(
    z
      .object({
        id: idSchema,
        mapping: z.record(z.string().max(40), z.number().int().min(0).max(999).nullable()),
      })
      .strict(),
  ),
  /** One page of the classified rows, optionally of one outcome. */
  'imports.preview': query<ImportPreview>({ permission: 'signedIn' })(
    z
      .object({
        id: idSchema,
        outcome: z.enum(importOutcomes).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      })
      .strict(),
  ),
  /** Writes the 新增 and 更新 rows in one transaction with one audit entry; refused once applied. */
  'imports.apply': mutation<JobInfo>({ permission: 'signedIn', invalidates: ['imports', 'jobs'], job: true })(runId),
  /** An .xlsx of the rows that will not be applied (未通过, 冲突), with their row numbers and reasons. */
  'imports.report': mutation<JobInfo>({ permission: 'signedIn', invalidates: ['jobs'], job: true })(runId),
  /** The latest staged and applied imports the user may see, newest first. */
  'imports.list': query<ImportRun[]>({ permission: 'signedIn' })(z.object({}).strict()),
  'imports.discard': mutation<{ id: string }>({ permission: 'signedIn', invalidates: ['imports'] })(runId),
};

declare module './jobs' {
  /** What the import jobs hand back in `JobInfo.result`. */
  interface JobResults {
    'imports.stage': ImportRun;
    'imports.setMapping': ImportRun;
    'imports.apply': ImportRun;
    'imports.report': ImportReportFile;
  }
}
