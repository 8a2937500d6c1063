/**
 * The tables whose rows travel between offices: every table of the schema that carries the sync
 * columns (`syncColumns()`), found by looking at the schema, so a new table joins by using them.
 */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable, type AnySQLiteColumn, type SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import * as schema from '../schema';

/** The sync columns, in the order every statement of `db/sync` writes them. */
export const SYNC_COLUMNS = ['id', 'hlc', 'origin', 'deleted'] as const;

type SyncColumnSet = { [K in (typeof SYNC_COLUMNS)[number]]: AnySQLiteColumn };

/** A drizzle table with the sync columns. */
export type TravellingTable = SQLiteTable & SyncColumnSet;

type Schema = typeof schema;
type TravellingKey = {
  [K in keyof Schema]: Schema[K] extends SQLiteTableWithColumns<infer C> ? (C['columns'] extends SyncColumnSet ? K : never) : never;
}[keyof Schema];

/** The SQL name of a travelling table: `buildings`, `screening_visits`, … */
export type TravellingName = Schema[TravellingKey]['_']['name'];

/** What the reader and the writers need to know of one travelling table. */
export interface TravellingEntry {
  name: TravellingName;
  table: TravellingTable;
  /** Its other columns (SQL names), in schema order. */
  columns: readonly string[];
  /** The drizzle column of each property name, without the sync columns. */
  byKey: Readonly<Record<string, AnySQLiteColumn>>;
}

const SYNC_NAMES: ReadonlySet<string> = new Set(SYNC_COLUMNS);

function entryOf(table: TravellingTable): TravellingEntry {
  const byKey = Object.fromEntries(Object.entries(getTableColumns(table)).filter(([, c]) => !SYNC_NAMES.has(c.name)));
  return { name: getTableName(table) as TravellingName, table, columns: Object.values(byKey).map((c) => c.name), byKey };
}

function isTravelling(value: unknown): value is TravellingTable {
  if (!is(value, SQLiteTable)) return false;
  const names = new Set(Object.values(getTableColumns(value)).map((c) => c.name));
  return SYNC_COLUMNS.every((c) => names.has(c));
}

/** Every travelling table, by name. */
export const travellingTables: readonly TravellingEntry[] = Object.values(schema as Record<string, unknown>)
  .filter(isTravelling)
  .map(entryOf)
  .sort((a, b) => (a.name < b.name ? -1 : 1));

const ENTRIES: ReadonlyMap<string, TravellingEntry> = new Map(travellingTables.map((e) => [e.name, e]));

/** The entry of a travelling table, by its SQL name or its drizzle table. */
export function travelling(table: TravellingName | TravellingTable): TravellingEntry {
  const name = typeof table === 'string' ? table : getTableName(table);
  const entry = ENTRIES.get(name);
  if (!entry) throw new Error(`「${name}」不是在街道办之间同步的表`);
  return entry;
}
