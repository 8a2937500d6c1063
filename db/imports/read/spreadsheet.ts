import { openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { ServiceError } from '../../errors';
import type { JobControl } from '../../jobs/types';
import { decodeText, sniffDelimiter } from './decode';
import { isTextCell, rowTexts } from './cells';
import { checkXlsxSize } from './xlsx-size';

/** One non-blank row: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  rowNo: number;
  cells: string[];
  /** Whether every non-empty cell holds text (a header row does; numbers and dates do not). */
  allText: boolean;
}

export interface ReadSheet {
  format: 'xlsx' | 'csv';
  /** Every worksheet of the workbook, in file order (empty for CSV). */
  sheets: string[];
  /** The worksheet read (null for CSV). */
  sheet: string | null;
  rows: SheetRow[];
}

const PROGRESS_EVERY = 2000;

function sniff(path: string): 'zip' | 'ole' | 'binary' | 'text' | 'empty' {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8192);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === 0) return 'empty';
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'ole';
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (!utf16 && head.subarray(0, n).includes(0)) return 'binary';
    return 'text';
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a compound (OLE) file is an .xlsx encrypted with an opening password: Office stores such a
 * workbook as an `EncryptedPackage` stream beside its `EncryptionInfo`, not as an old .xls.
 */
function passwordProtected(path: string): boolean {
  try {
    const container = CFB.read(readFileSync(path), { type: 'buffer' });
    return CFB.find(container, 'EncryptedPackage') !== null && CFB.find(container, 'EncryptionInfo') !== null;
  } catch {
    return false;
  }
}

/**
 * Reads one worksheet of an .xlsx file (streaming: a large file is never held whole) or a CSV file,
 * keeping non-blank rows. Refuses, in Chinese, what is not a spreadsheet.
 */
export async function readSpreadsheet(path: string, fileName: string, job: JobControl, sheet?: string): Promise<ReadSheet> {
  switch (sniff(path)) {
    case 'empty':
      throw new ServiceError('INVALID_INPUT', 'import.fileEmpty', { file: fileName }, 'fileId');
    case 'ole':
      throw new ServiceError('INVALID_INPUT', passwordProtected(path) ? 'import.xlsxEncrypted' : 'import.oldExcel', { file: fileName }, 'fileId');
    case 'binary':
      throw new ServiceError('INVALID_INPUT', 'import.notSpreadsheet', { file: fileName }, 'fileId');
    case 'zip':
      checkXlsxSize(path, fileName);
      return readXlsx(path, fileName, job, sheet);
    case 'text':
      if (sheet) throw new ServiceError('INVALID_INPUT', 'import.csvOneSheet', {}, 'sheet');
      return readCsv(path, job);
  }
}

async function readXlsx(path: string, fileName: string, job: JobControl, wanted?: string): Promise<ReadSheet> {
  // Given the path, the reader goes through the zip's central directory (patches/exceljs+4.4.0.patch):
  // one streaming pass can end before the last stored part and lose the workbook's sheet list.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: string[] = [];
  const rows: SheetRow[] = [];
  let chosen: string | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
      sheets.push(name);
      if (chosen !== null || (wanted !== undefined && wanted !== name)) {
        // Read through, so that the part's file stream ends and closes.
        for await (const skipped of worksheet) void skipped;
        continue;
      }
      chosen = name;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells = rowTexts(values);
        if (cells.some((c) => c !== '')) rows.push({ rowNo: row.number, cells, allText: values.every(isTextCell) });
        if (rows.length % PROGRESS_EVERY === 0) {
          job.throwIfCancelled();
          job.progress('读取文件', rows.length, 0);
        }
      }
    }
  } catch (err) {
    if (err instanceof ServiceError || (err as Error).name === 'JobCancelled') throw err;
    throw new ServiceError('INVALID_INPUT', 'import.xlsxBroken', { file: fileName }, 'fileId');
  }
  if (sheets.length === 0) throw new ServiceError('INVALID_INPUT', 'import.xlsxNoSheets', { file: fileName }, 'fileId');
  if (chosen === null) {
    throw new ServiceError('INVALID_INPUT', 'import.sheetUnknown', { sheet: wanted ?? '', sheets: sheets.join('、') }, 'sheet');
  }
  job.progress('读取文件', rows.length, rows.length);
  return { format: 'xlsx', sheets, sheet: chosen, rows };
}

async function readCsv(path: string, job: JobControl): Promise<ReadSheet> {
  const { text } = decodeText(readFileSync(path));
  const workbook = new ExcelJS.Workbook();
  const worksheet = await workbook.csv.read(Readable.from([text]), {
    map: (value: unknown) => value,
    parserOptions: { delimiter: sniffDelimiter(text), ignoreEmpty: false },
  });
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells = rowTexts(row.values);
    if (cells.some((c) => c !== '')) rows.push({ rowNo, cells, allText: cells.every((c) => c === '' || !/^[-+]?\d+(\.\d+)?$/.test(c)) });
  });
  job.progress('读取文件', rows.length, rows.length);
  return { format: 'csv', sheets: [], sheet: null, rows };
}
