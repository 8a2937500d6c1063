import type Database from 'better-sqlite3-multiple-ciphers';

const slots = new WeakMap<Database.Database, Map<string, { key: string; value: unknown }>>();

/**
 * The last value computed in `slot` on this connection, while `key` (which names every input,
 * the version of the rows read included) is the same; computed again otherwise. One value per
 * slot, so nothing grows.
 */
export function memo<T>(sqlite: Database.Database, slot: string, key: string, compute: () => T): T {
  let bySlot = slots.get(sqlite);
  if (!bySlot) slots.set(sqlite, (bySlot = new Map()));
  const hit = bySlot.get(slot);
  if (hit && hit.key === key) return hit.value as T;
  const value = compute();
  bySlot.set(slot, { key, value });
  return value;
}

/**
 * The version of a travelling table's rows: every insert, update and tombstone restamps `hlc`
 * (db/sync/write.ts), so the highest stamp changes with each write; read from its hlc index.
 */
export function tableVersion(sqlite: Database.Database, table: 'screening_visits'): string {
  return sqlite.prepare<unknown[], string | null>(`SELECT max(hlc) FROM ${table}`).pluck().get() ?? '';
}
