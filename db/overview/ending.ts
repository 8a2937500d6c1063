import type Database from 'better-sqlite3-multiple-ciphers';
import type { Overview } from '../../electron/api/overview';
import { gridDisplayName } from '../search/text';
import { IN_SCOPE } from './scope';

const HOURS = 24;
const SHOWN = 10;

/** Statuses due to end within the next 24 hours (not those already past their end), soonest first. */
export function endingSoon(sqlite: Database.Database, scope: string | null, now: number): Overview['ending'] {
  const rows = sqlite
    .prepare<unknown[], { id: string; address: string; grid_name: string; community_name: string; status: string; status_until: number; total: number }>(
      `SELECT b.id, b.address, g.name AS grid_name, c.name AS community_name, b.status, b.status_until, count(*) OVER () AS total
         FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id
        WHERE b.deleted = 0 AND b.status_until > @now AND b.status_until <= @horizon AND ${IN_SCOPE}
        ORDER BY b.status_until, b.address, b.id LIMIT ${SHOWN}`,
    )
    .all({ scope, now, horizon: now + HOURS * 3_600_000 });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      buildingId: r.id,
      address: r.address,
      gridName: gridDisplayName(r.community_name, r.grid_name),
      status: r.status,
      until: r.status_until,
    })),
  };
}
