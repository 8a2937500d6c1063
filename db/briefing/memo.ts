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

/** Forgets what was kept on this connection (the bench uses it to time a full count). */
export function forgetMemos(sqlite: Database.Database): void {
  slots.delete(sqlite);
}

/**
 * The version of the open rounds' visits: the rounds' kept counts (every visit updates them in
 * its own transaction, and a merge recounts them) and the newest stamp among the visits (every
 * write of a visit restamps it). A status change or a new need leaves it alone.
 */
export function visitsVersion(sqlite: Database.Database, roundIds: readonly string[]): string {
  const counts = sqlite
    .prepare<unknown[], string>(
      `SELECT group_concat(id || ':' || household_count || ':' || visited_count || ':' || refused_count || ':' || nobody_home_count, ',')
         FROM (SELECT * FROM screening_rounds WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id)`,
    )
    .pluck()
    .get(JSON.stringify(roundIds));
  const stamp = sqlite.prepare<unknown[], string | null>('SELECT max(hlc) FROM screening_visits').pluck().get();
  return `${counts ?? ''}|${stamp ?? ''}`;
}
