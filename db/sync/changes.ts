import type Database from 'better-sqlite3-multiple-ciphers';
import { SYNC_COLUMNS, travelling, type TravellingName } from './registry';
import { cachedStatement } from './statements';

/** Where a page of changes ended: the last row's stamp and id (several rows may share a stamp). */
export interface ChangeCursor {
  hlc: string;
  id: string;
}

export interface ChangePage {
  /** Whole rows with SQL column names and stored values, tombstones included, in (hlc, id) order. */
  rows: Record<string, unknown>[];
  /** Pass it back for the next page; null once the table has nothing newer. */
  next: ChangeCursor | null;
}

export const DEFAULT_CHANGE_PAGE = 1000;

/**
 * The rows of a travelling table changed after a clock value (`hlc > since`; null: from the
 * beginning), or after the cursor of the previous page. Each row appears once, as it is now.
 * Reads the `<table>_hlc_idx` index on (hlc, id).
 */
export function changesSince(
  sqlite: Database.Database,
  table: TravellingName,
  since: string | ChangeCursor | null,
  { limit = DEFAULT_CHANGE_PAGE }: { limit?: number } = {},
): ChangePage {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`每页条数须为正整数，收到 ${limit}`);
  const entry = travelling(table);
  const columns = [...SYNC_COLUMNS, ...entry.columns].join(', ');
  const after = since === null ? '' : typeof since === 'string' ? 'WHERE hlc > ?' : 'WHERE (hlc, id) > (?, ?)';
  const params = since === null ? [] : typeof since === 'string' ? [since] : [since.hlc, since.id];
  const rows = cachedStatement(sqlite, `SELECT ${columns} FROM ${entry.name} ${after} ORDER BY hlc, id LIMIT ?`).all(...params, limit) as Record<
    string,
    unknown
  >[];
  const last = rows.at(-1);
  return { rows, next: rows.length === limit && last ? { hlc: last.hlc as string, id: last.id as string } : null };
}
