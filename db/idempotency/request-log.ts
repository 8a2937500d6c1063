import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';

/** How long a request id is remembered: a retry later than this runs as a new change. */
export const REQUEST_KEEP_MS = 86_400_000;

/** One intended change: the client's id for it, who asked and which method. */
export interface RequestKey {
  id: string;
  account: string;
  method: string;
}

interface Kept {
  account: string;
  method: string;
  result: string;
  createdAt: number;
}

/**
 * Calls that changed nothing in the database (starting or cancelling a job: the job writes on its
 * own connection, later) are remembered in memory, per connection. After a restart such a call is
 * run again, which is right: a job still running when the process ended was interrupted and wrote
 * nothing.
 */
const inMemory = new WeakMap<Database.Database, Map<string, Kept>>();

function memoryOf(sqlite: Database.Database): Map<string, Kept> {
  let kept = inMemory.get(sqlite);
  if (!kept) inMemory.set(sqlite, (kept = new Map()));
  return kept;
}

function totalChanges(sqlite: Database.Database): number {
  return sqlite.prepare<[], number>('SELECT total_changes()').pluck().get()!;
}

/** What a request id was first answered with, if it is remembered; refused when it was used for another account or method. */
function priorResult(sqlite: Database.Database, key: RequestKey, now: number): { result: unknown } | undefined {
  const kept =
    memoryOf(sqlite).get(key.id) ??
    sqlite
      .prepare<[string, number], Kept>('SELECT account, method, result, created_at AS createdAt FROM request_ids WHERE id = ? AND created_at >= ?')
      .get(key.id, now - REQUEST_KEEP_MS);
  if (!kept || kept.createdAt < now - REQUEST_KEEP_MS) return undefined;
  if (kept.account !== key.account || kept.method !== key.method) {
    throw new ServiceError('CONFLICT', 'request.idReused', { requestId: key.id, method: key.method }, 'requestId');
  }
  return { result: JSON.parse(kept.result) as unknown };
}

function keepInDatabase(sqlite: Database.Database, key: RequestKey, result: string, now: number): void {
  sqlite.prepare('DELETE FROM request_ids WHERE created_at < ?').run(now - REQUEST_KEEP_MS);
  sqlite.prepare('INSERT INTO request_ids (id, account, method, result, created_at) VALUES (?, ?, ?, ?, ?)').run(key.id, key.account, key.method, result, now);
}

function keepInMemory(sqlite: Database.Database, key: RequestKey, result: string, now: number): void {
  const kept = memoryOf(sqlite);
  for (const [id, entry] of kept) {
    if (entry.createdAt >= now - REQUEST_KEEP_MS) break;
    kept.delete(id);
  }
  kept.set(key.id, { account: key.account, method: key.method, result, createdAt: now });
}

/**
 * Runs a change at most once per request id. The first call runs `change` inside one transaction
 * that also records the id and the result, so the change and its record commit together or not
 * at all; a later call with the same id, account and method gets that result back without
 * running anything (`alreadyDone`). A change that fails records nothing and may be retried.
 * A call that only starts or cancels a job (`job`) runs in a deferred transaction, so it does not
 * wait for another writer's lock (a long job, a backup) before the job is even queued.
 */
export async function runOnce<T>(
  sqlite: Database.Database,
  key: RequestKey,
  change: () => T | Promise<T>,
  options: { job?: boolean; now?: number } = {},
): Promise<{ result: T; alreadyDone: boolean }> {
  const now = options.now ?? Date.now();
  const prior = priorResult(sqlite, key, now);
  if (prior) return { result: prior.result as T, alreadyDone: true };
  let out: T | Promise<T> | undefined;
  let recorded = false;
  const transaction = sqlite.transaction(() => {
    const before = totalChanges(sqlite);
    out = change();
    // A transaction cannot wait for a promise: what it writes later is kept apart.
    if (out instanceof Promise || totalChanges(sqlite) === before) return;
    keepInDatabase(sqlite, key, JSON.stringify(out ?? null), now);
    recorded = true;
  });
  if (options.job) transaction.deferred();
  else transaction();
  const result = await (out as T | Promise<T>);
  if (!recorded) keepInMemory(sqlite, key, JSON.stringify(result ?? null), now);
  return { result, alreadyDone: false };
}
