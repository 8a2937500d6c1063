import type Database from 'better-sqlite3-multiple-ciphers';
import { COMPOUND_IN_SCOPE } from './scope';

/** 放心楼院 standing at `at`, by community: granted by then and not revoked by then. */
export function safeCompoundsAt(sqlite: Database.Database, scope: string | null, at: number): Map<string, number> {
  const rows = sqlite
    .prepare<unknown[], [string, number]>(
      `SELECT g.community_id, count(DISTINCT s.compound_id)
         FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id JOIN grids g ON g.id = c.grid_id
        WHERE s.deleted = 0 AND c.deleted = 0 AND s.granted_at <= @at AND (s.revoked_at IS NULL OR s.revoked_at > @at) AND ${COMPOUND_IN_SCOPE}
        GROUP BY 1`,
    )
    .raw()
    .all({ scope, at });
  return new Map(rows);
}
