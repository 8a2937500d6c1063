import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../auth/roles';
import { gridScope } from '../auth/permissions';

/** The communities an actor is limited to (a grid worker: those holding their grids), or null for the whole street. */
export function communityScope(sqlite: Database.Database, actor: Actor): Set<string> | null {
  const grids = gridScope(actor);
  if (grids === null) return null;
  if (grids.length === 0) return new Set();
  const rows = sqlite
    .prepare<unknown[], { community_id: string }>(`SELECT DISTINCT community_id FROM grids WHERE deleted = 0 AND id IN (${grids.map(() => '?').join(', ')})`)
    .all(...grids);
  return new Set(rows.map((r) => r.community_id));
}
