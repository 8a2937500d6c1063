import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { openStoredFile } from '../files/store';
import type { JobControl } from '../jobs/types';
import { uuidv7 } from '../sync/ids';
import { classifyRows, type Classified, type StagedRow } from './classify';
import { layoutHash, splitHeader } from './header';
import { autoMapping, checkMapping, fillMappingGaps, mappingProblems, rememberedMapping, type ColumnMapping } from './mapping';
import { readSpreadsheet } from './read/spreadsheet';
import { EMPTY_COUNTS, readRun, requireOpenRun, requireRun, runData, type ImportRunData } from './runs';
import type { Importer, ImporterOf } from './types';

/** How long an applied import keeps its rows (for its report), and a forgotten staged one its own. */
export const KEEP_ROWS_MS = 7 * 24 * 60 * 60 * 1000;

/** Drops the rows of imports applied, or staged and left, longer ago than `KEEP_ROWS_MS`; the runs stay listed. */
function forgetOldRows(ctx: ServiceContext, now: number): void {
  const before = now - KEEP_ROWS_MS;
  const old = `SELECT id FROM import_runs WHERE (status = 'applied' AND applied_at < ?) OR (status IN ('ready', 'needs_mapping') AND created_at < ?)`;
  ctx.sqlite.prepare(`DELETE FROM import_rows WHERE run_id IN (${old})`).run(before, before);
  ctx.sqlite.prepare(`UPDATE import_runs SET status = 'discarded' WHERE status IN ('ready', 'needs_mapping') AND created_at < ?`).run(before);
}

export interface StageInput {
  kind: string;
  fileId: string;
  sheet?: string;
}

function loadRows(ctx: ServiceContext, runId: string): StagedRow[] {
  return (ctx.sqlite.prepare('SELECT row_no, cells FROM import_rows WHERE run_id = ? ORDER BY row_no').all(runId) as { row_no: number; cells: string }[]).map(
    (r) => ({ rowNo: r.row_no, cells: JSON.parse(r.cells) as string[] }),
  );
}

/**
 * Sets the run's mapping and, when every required field has a column, checks and classifies its
 * rows; stores them (`insert`: a new run's rows, written once with their outcome; `update`: a run's
 * rows checked again).
 */
function mapAndClassify(
  ctx: ServiceContext,
  importer: Importer<unknown>,
  runId: string,
  rows: StagedRow[],
  headers: string[],
  mapping: ColumnMapping,
  job: JobControl,
  mode: 'insert' | 'update',
): void {
  const { sqlite } = ctx;
  const ready = mappingProblems(importer.fields, mapping).length === 0;
  const insert = sqlite.prepare('INSERT INTO import_rows (run_id, row_no, cells, outcome, value, problems) VALUES (?, ?, ?, ?, ?, ?)');
  const update = sqlite.prepare('UPDATE import_rows SET outcome = ?, value = ?, problems = ? WHERE run_id = ? AND row_no = ?');
  const store = (r: StagedRow, outcome: string | null, value: string | null, problems: string) =>
    mode === 'insert' ? insert.run(runId, r.rowNo, JSON.stringify(r.cells), outcome, value, problems) : update.run(outcome, value, problems, runId, r.rowNo);
  let counts = { ...EMPTY_COUNTS };
  if (ready) {
    counts = classifyRows(ctx, importer, rows, headers, mapping, job, (r: Classified) =>
      store(r, r.outcome, r.value === null ? null : JSON.stringify(r.value), JSON.stringify(r.problems)),
    );
  } else {
    for (const r of rows) store(r, null, null, '[]');
  }
  sqlite
    .prepare('UPDATE import_runs SET mapping = ?, status = ?, counts = ? WHERE id = ?')
    .run(JSON.stringify(mapping), ready ? 'ready' : 'needs_mapping', JSON.stringify(counts), runId);
}

/**
 * Job body of `imports.stage`: reads an uploaded file, finds its header row, maps its columns (as
 * this layout was mapped before, else by header names), and checks and classifies every row. Writes
 * the staged run only (one transaction: a cancel leaves nothing); the data is not touched.
 */
export async function stageImport(ctx: ServiceContext, importerOf: ImporterOf, input: StageInput, job: JobControl): Promise<ImportRunData> {
  const importer = importerOf(input.kind);
  authorize(ctx.actor, importer.permission);
  const file = openStoredFile(job.dataDir, input.fileId, ctx.actor);
  const read = await readSpreadsheet(file.path, file.name, job, input.sheet);
  const where = read.sheet === null ? `文件「${file.name}」` : `工作表「${read.sheet}」`;
  const { headerRow, headers, rows } = splitHeader(read.rows, where);
  const layout = layoutHash(importer.kind, headers);
  const remembered = rememberedMapping(ctx.sqlite, importer.kind, layout, importer.fields, headers.length);
  const auto = autoMapping(importer.fields, headers);
  const mapping = remembered ? fillMappingGaps(remembered, auto) : auto;
  const id = uuidv7();
  const { sqlite } = ctx;
  const now = Date.now();
  sqlite.transaction(() => {
    forgetOldRows(ctx, now);
    sqlite
      .prepare(
        `INSERT INTO import_runs (id, kind, file_id, file_name, sheet, sheets, headers, header_row, layout_hash, mapping, mapping_source, status, counts,
           created_by_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'needs_mapping', ?, ?, ?, ?)`,
      )
      .run(
        id, importer.kind, file.id, file.name, read.sheet, JSON.stringify(read.sheets), JSON.stringify(headers), headerRow, layout,
        JSON.stringify(mapping), remembered ? 'remembered' : 'auto', JSON.stringify(EMPTY_COUNTS), ctx.actor.id, ctx.actor.name, now,
      );
    mapAndClassify(ctx, importer, id, rows, headers, mapping, job, 'insert');
  })();
  return runData(readRun(sqlite, id)!, importer);
}

export interface SetMappingInput {
  id: string;
  mapping: ColumnMapping;
}

/**
 * Job body of `imports.setMapping`: the person's choice of columns, remembered for this layout,
 * and the rows checked and classified again with it.
 */
export function setImportMapping(ctx: ServiceContext, importerOf: ImporterOf, input: SetMappingInput, job: JobControl): ImportRunData {
  const { row, importer } = requireRun(ctx, input.id, importerOf);
  requireOpenRun(row);
  const headers = JSON.parse(row.headers) as string[];
  const mapping = checkMapping(importer.fields, headers, input.mapping);
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare(`UPDATE import_runs SET mapping_source = 'chosen' WHERE id = ?`).run(row.id);
    mapAndClassify(ctx, importer, row.id, loadRows(ctx, row.id), headers, mapping, job, 'update');
  })();
  return runData(readRun(ctx.sqlite, row.id)!, importer);
}

/** Checks and classifies a run's rows again against the data as it is now (after a failed apply). */
export function reclassify(ctx: ServiceContext, importer: Importer<unknown>, runId: string, job: JobControl): void {
  const row = readRun(ctx.sqlite, runId)!;
  ctx.sqlite.transaction(() =>
    mapAndClassify(ctx, importer, runId, loadRows(ctx, runId), JSON.parse(row.headers) as string[], JSON.parse(row.mapping) as ColumnMapping, job, 'update'),
  )();
}
