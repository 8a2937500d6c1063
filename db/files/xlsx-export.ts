import ExcelJS from 'exceljs';
import { ROLE_LABELS } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { JobControl } from '../jobs/types';
import type { StoredFile } from './store';
import { writeStoredFile } from './write-stream';

export const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
export const NOTES_SHEET = '说明';
const CHUNK = 1000;

/** Wall-clock time where the app runs, as the UTC moment Excel (which has no time zones) will show. */
export function excelDate(ms: number): Date {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
}

/** `yyyymmdd-hhmm` of a moment in local time, for file names. */
export function fileStamp(ms: number): string {
  const d = excelDate(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

/** One column of an exported table: its Chinese header, width, and the cell of a row. */
export interface ExportColumn<R> {
  header: string;
  width: number;
  value: (row: R) => unknown;
  date?: true;
}

export interface TableSheet<R> {
  name: string;
  columns: ExportColumn<R>[];
  /** How many rows there will be, for progress. */
  count: number;
  /** The rows, a chunk of at most `size` at a time, in order. */
  chunks: (size: number) => Iterable<R[]>;
  /** The progress phase while this sheet is written, e.g. 写入楼栋. */
  phase: string;
  autoFilter?: boolean;
  /** How many columns on the left stay in view when scrolling sideways. */
  frozenColumns?: number;
}

/** A table sheet of some row type, ready to be written beside sheets of other row types. */
export function tableSheet<R>(sheet: TableSheet<R>): TableSheet<unknown> {
  return sheet as TableSheet<unknown>;
}

/**
 * Writes a workbook to the file store by stream: table sheets with bold, frozen Chinese headers,
 * then a 说明 sheet with when, who and the caller's lines. A job's progress is reported per chunk;
 * a cancel or an error leaves no file behind.
 */
export async function writeXlsxExport(
  ctx: ServiceContext,
  input: { fileName: string; now: number; sheets: TableSheet<unknown>[]; notes: [string, unknown][] },
  job?: JobControl,
): Promise<StoredFile> {
  const { now } = input;
  const total = input.sheets.reduce((n, s) => n + s.count, 0);
  return writeStoredFile(ctx, { name: input.fileName, kind: 'export', now }, async (out) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = ctx.actor.name;
    wb.created = new Date(now);
    let done = 0;
    for (const table of input.sheets) {
      const sheet = wb.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: table.frozenColumns ?? 0, ySplit: 1 }] });
      sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.date ? { style: { numFmt: DATE_FORMAT } } : {}) }));
      sheet.getRow(1).font = { bold: true };
      if (table.autoFilter) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
      for (const rows of table.chunks(CHUNK)) {
        job?.throwIfCancelled();
        job?.progress(table.phase, done, total);
        for (const r of rows) sheet.addRow(table.columns.map((c) => c.value(r))).commit();
        done += rows.length;
      }
      sheet.commit();
    }
    const notes = wb.addWorksheet(NOTES_SHEET);
    notes.columns = [{ width: 12 }, { width: 60 }];
    notes.getColumn(1).font = { bold: true };
    notes.addRow(['导出时间', excelDate(now)]).getCell(2).numFmt = DATE_FORMAT;
    notes.addRow(['导出人', `${ctx.actor.name}（${ROLE_LABELS[ctx.actor.role]['zh-CN']}）`]);
    for (const line of input.notes) notes.addRow(line);
    notes.commit();
    job?.progress('写入文件', total, total);
    await wb.commit();
    job?.throwIfCancelled();
  });
}

/** Splits ids into chunks and reads each chunk's rows. */
export function* chunksOf<R>(ids: string[], size: number, read: (chunk: string[]) => R[]): Iterable<R[]> {
  for (let i = 0; i < ids.length; i += size) yield read(ids.slice(i, i + size));
}
