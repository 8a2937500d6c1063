import type Database from 'better-sqlite3-multiple-ciphers';

/** The map's revision: that of its latest change, 0 before any. */
export function mapRevision(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT coalesce(max(revision), 0) FROM map_changes').pluck().get() as number;
}

/**
 * Records that the map records of these buildings changed, as one new street-wide revision, and
 * returns it. Call inside the write transaction that changes them: the write lock keeps the
 * revisions of all connections in one sequence, and a rollback takes the revision back too.
 */
export function recordMapChange(sqlite: Database.Database, ids: readonly string[]): number {
  if (!sqlite.inTransaction) throw new Error('recordMapChange runs inside the transaction that changes the buildings');
  const revision = mapRevision(sqlite) + 1;
  sqlite
    .prepare(
      `INSERT INTO map_changes (building_id, revision) SELECT value, @revision FROM json_each(@ids) WHERE true
         ON CONFLICT (building_id) DO UPDATE SET revision = excluded.revision`,
    )
    .run({ revision, ids: JSON.stringify(ids) });
  return revision;
}

/** Building ids grouped by status: the compact form in which map changes travel. */
export function groupByStatus(rows: Iterable<readonly [id: string, status: string]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, status] of rows) (out[status] ??= []).push(id);
  return out;
}
