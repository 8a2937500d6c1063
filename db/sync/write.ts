/**
 * The only writes of travelling rows. Each insert, update and tombstone stamps the row: a new
 * UUIDv7 id on insert, `hlc` from the clock, `origin` = this node. A row is only ever found by
 * "changes since" when its `hlc` moved, so nothing else may write these tables.
 * The statements run on the caller's connection, inside whatever transaction it has open.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ServiceContext } from '../context';
import { uuidv7 } from './ids';
import { SYNC_COLUMNS, travelling, type TravellingEntry, type TravellingName, type TravellingTable } from './registry';
import { cachedStatement } from './statements';

/** What stamps a change: the connection, the clock, this node. */
export type Stamping = Pick<ServiceContext, 'sqlite' | 'clock' | 'nodeId'>;

/** A row's own values by drizzle property name, typed as the schema declares them (booleans, JSON arrays). */
export type RowValues<T extends TravellingTable> = Omit<T['$inferInsert'], (typeof SYNC_COLUMNS)[number]>;

/** Adds to a number column where it stands (`attempts = attempts + 1`). */
export class Increment {
  constructor(readonly by: number) {}
}

export const increment = (by: number): Increment => new Increment(by);

export type RowChanges<T extends TravellingTable> = { [K in keyof RowValues<T>]?: RowValues<T>[K] | Increment };

export interface StampOptions {
  /** The merge stamp, or the clock to take it from (`stampAfter`'s); default `ctx.clock.tick()`. */
  hlc?: string | (() => string);
}

export type Driver = string | number | bigint | Buffer | null;

function stampOf(ctx: Stamping, options: StampOptions): string {
  const { hlc } = options;
  return typeof hlc === 'string' ? hlc : hlc ? hlc() : ctx.clock.tick();
}

function columnOf(entry: TravellingEntry, key: string): AnySQLiteColumn {
  const column = entry.byKey[key];
  if (!column) throw new Error(`表 ${entry.name} 没有可写的列「${key}」`);
  return column;
}

const toDriver = (column: AnySQLiteColumn, value: unknown): Driver => (value === null ? null : (column.mapToDriverValue(value) as Driver));

/** `SET` clauses and their parameters; undefined values are left out. */
function assignments(entry: TravellingEntry, changes: Record<string, unknown>): { sets: string[]; params: Driver[] } {
  const sets: string[] = [];
  const params: Driver[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const column = columnOf(entry, key);
    if (value instanceof Increment) {
      sets.push(`${column.name} = ${column.name} + ?`);
      params.push(value.by);
    } else {
      sets.push(`${column.name} = ?`);
      params.push(toDriver(column, value));
    }
  }
  return { sets, params };
}

interface InsertPlan {
  sql: string;
  columns: AnySQLiteColumn[];
}

const insertPlans = new Map<string, InsertPlan>();

/** The statement text and columns for inserting these properties (built once per table and set of properties). */
function insertPlan(entry: TravellingEntry, keys: string[]): InsertPlan {
  const signature = `${entry.name}:${keys.join(',')}`;
  let plan = insertPlans.get(signature);
  if (!plan) {
    const columns = keys.map((key) => columnOf(entry, key));
    const names = ['id', 'hlc', 'origin', 'deleted', ...columns.map((c) => c.name)];
    const sql = `INSERT INTO ${entry.name} (${names.join(', ')}) VALUES (?, ?, ?, 0${', ?'.repeat(columns.length)})`;
    insertPlans.set(signature, (plan = { sql, columns }));
  }
  return plan;
}

/** Inserts a travelling row (columns left out take their defaults); returns its id and stamp. */
export function insertRow<T extends TravellingTable>(
  ctx: Stamping,
  table: T,
  values: RowValues<T>,
  options: StampOptions & { id?: string } = {},
): { id: string; hlc: string } {
  const given = values as Record<string, unknown>;
  const keys: string[] = [];
  for (const key in given) if (given[key] !== undefined) keys.push(key);
  const { sql, columns } = insertPlan(travelling(table), keys);
  const id = options.id ?? uuidv7();
  const hlc = stampOf(ctx, options);
  const params: Driver[] = [id, hlc, ctx.nodeId];
  for (let i = 0; i < keys.length; i++) params.push(toDriver(columns[i]!, given[keys[i]!]));
  cachedStatement(ctx.sqlite, sql).run(params);
  return { id, hlc };
}

function runUpdate(sqlite: Database.Database, entry: TravellingEntry, id: string, sets: string[], params: Driver[]): void {
  const done = cachedStatement(sqlite, `UPDATE ${entry.name} SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
  if (done.changes !== 1) throw new Error(`表 ${entry.name} 中找不到要修改的记录 ${id}`);
}

/** Changes a travelling row and restamps it (`hlc`, `origin`); returns the new stamp. */
export function updateRow<T extends TravellingTable>(ctx: Stamping, table: T, id: string, changes: RowChanges<T>, options: StampOptions = {}): string {
  const entry = travelling(table);
  const { sets, params } = assignments(entry, changes as Record<string, unknown>);
  const hlc = stampOf(ctx, options);
  runUpdate(ctx.sqlite, entry, id, [...sets, 'hlc = ?', 'origin = ?'], [...params, hlc, ctx.nodeId]);
  return hlc;
}

/** Marks a travelling row deleted (rows are never removed: the tombstone travels too); returns the stamp. */
export function tombstoneRow(ctx: Stamping, table: TravellingTable, id: string, options: StampOptions = {}): string {
  const hlc = stampOf(ctx, options);
  runUpdate(ctx.sqlite, travelling(table), id, ['deleted = 1', 'hlc = ?', 'origin = ?'], [hlc, ctx.nodeId]);
  return hlc;
}

/**
 * Changes columns that are derived from other rows (counts kept by each visit, search keys) without
 * restamping: the receiving office derives them again, and a restamp would let them win a merge over
 * a real change made elsewhere.
 */
export function updateDerived<T extends TravellingTable>(sqlite: Database.Database, table: T, id: string, changes: RowChanges<T>): void {
  const entry = travelling(table);
  const { sets, params } = assignments(entry, changes as Record<string, unknown>);
  runUpdate(sqlite, entry, id, sets, params);
}

/**
 * The statement inserting a whole row positionally: the sync columns, then the table's columns in
 * the registry's order. For bulk writers that make their own ids and stamps (the demo seed).
 */
export function wholeRowInsert(sqlite: Database.Database, name: TravellingName): Database.Statement {
  const all = [...SYNC_COLUMNS, ...travelling(name).columns];
  return cachedStatement(sqlite, `INSERT INTO ${name} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
}

/**
 * Puts a travelling row back as it was (its own columns and `deleted`, as SQL values read from the
 * row before), restamped like any change, so an undo travels as a new change.
 */
export function restoreRow(ctx: Stamping, name: TravellingName, id: string, before: Record<string, Driver>): string {
  const entry = travelling(name);
  const sets: string[] = [];
  const params: Driver[] = [];
  for (const column of [...entry.columns, 'deleted']) {
    if (!(column in before)) continue;
    sets.push(`${column} = ?`);
    params.push(before[column]!);
  }
  const hlc = ctx.clock.tick();
  runUpdate(ctx.sqlite, entry, id, [...sets, 'hlc = ?', 'origin = ?'], [...params, hlc, ctx.nodeId]);
  return hlc;
}
