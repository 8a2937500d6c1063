/**
 * The write a merge makes: a row received in a bundle, stored as it came — its own id, stamp and
 * origin, not restamped (the stamp is what every office compares). Only `db/bundles/merge.ts`
 * calls it, after the version vectors said the received row wins.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { travelling, type TravellingName } from './registry';
import { cachedStatement } from './statements';

/** Inserts the row, or replaces every given column of the row with its id. Values are stored values. */
const knownColumns = new Map<TravellingName, ReadonlySet<string>>();

function known(table: TravellingName): ReadonlySet<string> {
  let names = knownColumns.get(table);
  if (!names) knownColumns.set(table, (names = new Set(['id', 'hlc', 'origin', 'deleted', ...travelling(table).columns])));
  return names;
}

export function writeReceivedRow(sqlite: Database.Database, table: TravellingName, values: Record<string, unknown>): void {
  const entry = travelling(table);
  const columns = known(table);
  const names = Object.keys(values).filter((k) => columns.has(k));
  const updates = names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`);
  const sql = `INSERT INTO ${entry.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
  cachedStatement(sqlite, sql).run(...names.map((n) => values[n]));
}
