import type Database from 'better-sqlite3-multiple-ciphers';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection's prepared statement for this SQL, prepared on first use and kept while the connection lives. */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let statements = byConnection.get(sqlite);
  if (!statements) byConnection.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
