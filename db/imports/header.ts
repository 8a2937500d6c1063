import { createHash } from 'node:crypto';
import { ServiceError } from '../errors';
import type { SheetRow } from './read/spreadsheet';

/** The spreadsheet's letter for a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A header as compared: full-width folded to half-width, spaces, required-markers (*) and
 * bracketed hints (「颜色（#RRGGBB）」) removed, lower case.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*]/g, '')
    .toLowerCase();
}

export interface SheetHeader {
  /** The row number of the header row. */
  headerRow: number;
  /** Header texts; a blank header is named after its column: 「（第 C 列）」. */
  headers: string[];
  /** The rows below the header. */
  rows: SheetRow[];
}

const filled = (row: SheetRow) => row.cells.filter((c) => c.trim() !== '').length;

/** A title above the header (「某某社区志愿者报名表」, usually merged across it): one cell over a row of several headers. */
function isTitle(row: SheetRow | undefined, next: SheetRow | undefined): boolean {
  return !!row && !!next && row.allText && next.allText && filled(row) === 1 && filled(next) >= 2;
}

/**
 * The header row is the first non-blank row, or the one under a title standing alone above it. Refused, in Chinese: a sheet with no rows, a first
 * row holding numbers or dates (no header), the same header twice, a header with no data rows.
 */
export function splitHeader(rows: SheetRow[], where: string): SheetHeader {
  const [first, ...rest] = isTitle(rows[0], rows[1]) ? rows.slice(1) : rows;
  if (!first) throw new ServiceError('INVALID_INPUT', 'import.sheetEmpty', { where }, 'fileId');
  if (!first.allText) {
    throw new ServiceError('INVALID_INPUT', 'import.noHeader', { where, row: first.rowNo }, 'fileId');
  }
  const width = Math.max(first.cells.length, ...rest.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => first.cells[i] || `（第 ${columnLetter(i)} 列）`);
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h.startsWith('（第 ')) return;
    const key = normaliseHeader(h);
    const before = seen.get(key);
    if (before !== undefined) {
      throw new ServiceError('INVALID_INPUT', 'import.headerTwice', { where, header: h, first: columnLetter(before), second: columnLetter(i) }, 'fileId');
    }
    seen.set(key, i);
  });
  if (rest.length === 0) throw new ServiceError('INVALID_INPUT', 'import.headerOnly', { where, row: first.rowNo }, 'fileId');
  return { headerRow: first.rowNo, headers, rows: rest };
}

/** The layout of a sheet: the same columns in the same order give the same hash, whatever the data. */
export function layoutHash(kind: string, headers: string[]): string {
  return createHash('sha256').update(JSON.stringify([kind, ...headers.map(normaliseHeader)])).digest('hex');
}
