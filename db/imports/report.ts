import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import { commitFile, discardFile, reserveFile } from '../files/store';
import type { JobControl } from '../jobs/types';
import { requireRun } from './runs';
import { OUTCOME_LABELS, type ImporterOf, type ImportOutcome, type RowProblem } from './types';

export interface ImportReport {
  fileId: string;
  name: string;
  size: number;
  /** Rows in the report (rejected and in conflict). */
  rows: number;
}

/** The reasons of a row in one cell: 「颜色：颜色须为 #rrggbb；代码：…」. */
export function reasonText(problems: RowProblem[]): string {
  return problems.map((p) => (p.column ? `${p.column}：${p.reason}` : p.reason)).join('；');
}

/**
 * Job body of `imports.report`: an .xlsx of the rows that will not be applied (未通过 and 冲突) —
 * row number, outcome, reasons, then the row's cells as they were — stored in the file store for
 * the caller to download.
 */
export async function importReport(ctx: ServiceContext, importerOf: ImporterOf, input: { id: string }, job: JobControl): Promise<ImportReport> {
  const { row } = requireRun(ctx, input.id, importerOf);
  const headers = JSON.parse(row.headers) as string[];
  const rows = ctx.sqlite
    .prepare(`SELECT row_no, outcome, cells, problems FROM import_rows WHERE run_id = ? AND outcome IN ('reject', 'conflict') ORDER BY row_no`)
    .all(row.id) as { row_no: number; outcome: ImportOutcome; cells: string; problems: string }[];
  const { id, path } = reserveFile(job.dataDir);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('未通过的行');
    sheet.columns = [
      { header: '行号', width: 8 },
      { header: '结果', width: 8 },
      { header: '原因', width: 60 },
      ...headers.map((h) => ({ header: h, width: Math.min(40, Math.max(10, h.length * 2 + 4)) })),
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    rows.forEach((r, i) => {
      const cells = JSON.parse(r.cells) as string[];
      sheet.addRow([r.row_no, OUTCOME_LABELS[r.outcome], reasonText(JSON.parse(r.problems) as RowProblem[]), ...headers.map((_, c) => cells[c] ?? '')]).commit();
      if (i % 2000 === 1999) job.progress('生成报告', i + 1, rows.length);
    });
    sheet.commit();
    await workbook.commit();
  } catch (err) {
    discardFile(job.dataDir, id);
    throw err;
  }
  const base = row.file_name.replace(/\.[^.]+$/, '');
  const file = commitFile(job.dataDir, id, { name: `${base}-未通过的行.xlsx`, kind: 'report', ownerId: ctx.actor.id });
  return { fileId: file.id, name: file.name, size: file.size, rows: rows.length };
}
