import { can } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { requireOpenRun, requireRun, runData, type ImportRunData, type RunRow } from './runs';
import type { ImporterOf, ImportOutcome, RowProblem } from './types';

/** `imports.get`: a staged run with its headers, mapping, problems, status and counts. */
export function getImport(ctx: ServiceContext, importerOf: ImporterOf, input: { id: string }): ImportRunData {
  const { row, importer } = requireRun(ctx, input.id, importerOf);
  return runData(row, importer);
}

/** `imports.list`: the latest runs (not discarded) of the kinds the actor may import, newest first. */
export function listImports(ctx: ServiceContext, importerOf: ImporterOf, kinds: readonly string[]): ImportRunData[] {
  const allowed = kinds.filter((k) => can(ctx.actor, importerOf(k).permission));
  if (allowed.length === 0) return [];
  const rows = ctx.sqlite
    .prepare(`SELECT * FROM import_runs WHERE status <> 'discarded' AND kind IN (${allowed.map(() => '?').join(', ')}) ORDER BY created_at DESC LIMIT 50`)
    .all(...allowed) as RunRow[];
  return rows.map((r) => runData(r, importerOf(r.kind)));
}

export interface ImportRowData {
  rowNo: number;
  outcome: ImportOutcome;
  /** The row's cells as read, in column order. */
  cells: string[];
  problems: RowProblem[];
}

export interface PreviewInput {
  id: string;
  outcome?: ImportOutcome;
  page: number;
  pageSize: number;
}

/** `imports.preview`: one page of the classified rows, optionally of one outcome, with the counts. */
export function previewImport(ctx: ServiceContext, importerOf: ImporterOf, input: PreviewInput): { rows: ImportRowData[]; total: number; run: ImportRunData } {
  const { row, importer } = requireRun(ctx, input.id, importerOf);
  const where = input.outcome ? 'run_id = ? AND outcome = ?' : 'run_id = ? AND outcome IS NOT NULL';
  const params = input.outcome ? [row.id, input.outcome] : [row.id];
  const total = ctx.sqlite.prepare(`SELECT count(*) FROM import_rows WHERE ${where}`).pluck().get(...params) as number;
  const rows = (
    ctx.sqlite
      .prepare(`SELECT row_no, outcome, cells, problems FROM import_rows WHERE ${where} ORDER BY row_no LIMIT ? OFFSET ?`)
      .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as { row_no: number; outcome: ImportOutcome; cells: string; problems: string }[]
  ).map((r) => ({ rowNo: r.row_no, outcome: r.outcome, cells: JSON.parse(r.cells) as string[], problems: JSON.parse(r.problems) as RowProblem[] }));
  return { rows, total, run: runData(row, importer) };
}

/** `imports.discard`: gives a staged run up; its rows go, its mapping stays remembered for the layout. */
export function discardImport(ctx: ServiceContext, importerOf: ImporterOf, input: { id: string }): { id: string } {
  const { row } = requireRun(ctx, input.id, importerOf);
  requireOpenRun(row);
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('DELETE FROM import_rows WHERE run_id = ?').run(row.id);
    ctx.sqlite.prepare(`UPDATE import_runs SET status = 'discarded' WHERE id = ?`).run(row.id);
  })();
  return { id: row.id };
}
