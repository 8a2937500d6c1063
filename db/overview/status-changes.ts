import type Database from 'better-sqlite3-multiple-ciphers';
import type { OverviewStatusChanges } from '../../electron/api/overview';
import { IN_SCOPE } from './scope';

const LATEST = 8;

/**
 * Status changes recorded after `since` and up to `until` (undo included: it changes a status
 * too), per new status and the newest few.
 */
export function statusChangesSince(sqlite: Database.Database, scope: string | null, since: number, until = Number.MAX_SAFE_INTEGER): OverviewStatusChanges {
  const params = { scope, since, until };
  const from = `FROM building_status_history h JOIN buildings b ON b.id = h.building_id
    WHERE h.deleted = 0 AND b.deleted = 0 AND h.changed_at > @since AND h.changed_at <= @until AND ${IN_SCOPE}`;
  const byStatus = sqlite
    .prepare<unknown[], { status: string; buildings: number }>(
      `SELECT h.status, count(DISTINCT h.building_id) AS buildings ${from} GROUP BY h.status ORDER BY buildings DESC, h.status`,
    )
    .all(params);
  const buildings = sqlite.prepare<unknown[], number>(`SELECT count(DISTINCT h.building_id) ${from}`).pluck().get(params) ?? 0;
  const latest = sqlite
    .prepare<unknown[], { building_id: string; address: string; status: string; previous_status: string | null; changed_at: number; changed_by: string }>(
      `SELECT h.building_id, b.address, h.status, h.previous_status, h.changed_at, h.changed_by ${from}
        ORDER BY h.changed_at DESC, h.id DESC LIMIT ${LATEST}`,
    )
    .all(params);
  return {
    buildings,
    byStatus,
    latest: latest.map((r) => ({
      buildingId: r.building_id,
      address: r.address,
      status: r.status,
      previousStatus: r.previous_status,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
    })),
  };
}
