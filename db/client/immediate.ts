import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Makes `sqlite.transaction(fn)` begin IMMEDIATE on this connection: it takes the write lock at
 * BEGIN, waiting for it as long as `busy_timeout` allows.
 *
 * Another connection may be writing at any moment (a job on its own connection, in its own
 * thread). A deferred transaction that reads before it writes would then fail at once with
 * SQLITE_BUSY: SQLite never waits to upgrade a read transaction to a write one, since two such
 * connections could wait for each other forever. Taking the lock first makes it wait its turn.
 * A transaction that only reads may ask for `.deferred` explicitly.
 */
export function beginImmediately(sqlite: Database.Database): void {
  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: never[]) => unknown) => {
    const made = transaction(fn);
    return Object.assign((...args: never[]) => made.immediate(...args), {
      default: made.immediate,
      deferred: made.deferred,
      immediate: made.immediate,
      exclusive: made.exclusive,
    });
  }) as typeof sqlite.transaction;
}
