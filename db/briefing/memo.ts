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
 * Changes anything this connection can see: its own writes (`total_changes()`) and commits of
 * other connections, job threads included (`PRAGMA data_version`). A stamp would not do: rows
 * merged from another office may carry older stamps than the newest here.
 */
export function databaseVersion(sqlite: Database.Database): string {
  const own = sqlite.prepare<unknown[], number>('SELECT total_changes()').pluck().get() ?? 0;
  const others = sqlite.pragma('data_version', { simple: true }) as number;
  return `${own}:${others}`;
}
