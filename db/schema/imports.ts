import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A spreadsheet import, staged: the file read, its columns mapped, every row checked and classified.
 * Nothing reaches the data until the run is applied. Staged runs stay on this PC (no sync columns)
 * and survive closing the page and restarting the app.
 */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: text('id').primaryKey(),
    /** Which importer: `statuses`, … */
    kind: text('kind').notNull(),
    /** The uploaded file in the file store, and the name it came with. */
    fileId: text('file_id').notNull(),
    fileName: text('file_name').notNull(),
    /** The worksheet read (null for CSV), and every sheet the file has, as a JSON array. */
    sheet: text('sheet'),
    sheets: text('sheets', { mode: 'json' }).$type<string[]>().notNull(),
    /** The header row as written, as a JSON array; its row number in the sheet. */
    headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
    headerRow: integer('header_row').notNull(),
    /** SHA-256 of the kind and the normalised header row: the same layout gets the same mapping again. */
    layoutHash: text('layout_hash').notNull(),
    /** Field key → column index (or null), as a JSON object. */
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
    /** Where the mapping came from: `auto` (headers matched), `remembered` (same layout before), `chosen` (the user). */
    mappingSource: text('mapping_source').notNull(),
    /** `needs_mapping`, `ready`, `applied`, `discarded`. */
    status: text('status').notNull(),
    /** Outcome counts as a JSON object: total, create, update, unchanged, conflict, reject. */
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    createdById: text('created_by_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    appliedBy: text('applied_by'),
    appliedAt: integer('applied_at'),
  },
  (t) => [index('import_runs_layout_idx').on(t.kind, t.layoutHash, t.createdAt), index('import_runs_created_idx').on(t.createdAt)],
);

/** One data row of a staged import: its cells as read, and what applying it would do. */
export const importRows = sqliteTable(
  'import_rows',
  {
    runId: text('run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
    /** The row number as the spreadsheet shows it (1 = first row). */
    rowNo: integer('row_no').notNull(),
    /** The cells as text, as a JSON array in column order. */
    cells: text('cells', { mode: 'json' }).$type<string[]>().notNull(),
    /** `create`, `update`, `unchanged`, `conflict`, `reject` (null until the columns are mapped). */
    outcome: text('outcome'),
    /** The value to write (JSON), for rows that would create or update. */
    value: text('value', { mode: 'json' }),
    /** Why the row is rejected or in conflict: a JSON array of { column, reason }. */
    problems: text('problems', { mode: 'json' }).$type<{ column: string | null; reason: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.rowNo] }), index('import_rows_outcome_idx').on(t.runId, t.outcome, t.rowNo)],
);
