import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { RequestAlerts } from '../../electron/api/requests';
import { recordEscalations } from './escalate';
import { requestWhere } from './filter';

const LATEST = 8;

/** `requests.alerts`: the overdue requests in the caller's grids, for the bell and the map. */
export function requestAlerts(ctx: ServiceContext, now: number): RequestAlerts {
  authorize(ctx.actor, 'requests.read');
  recordEscalations(ctx, now);
  const where = requestWhere({ overdue: true }, gridScope(ctx.actor), now);
  const from = `FROM requests r JOIN buildings b ON b.id = r.building_id WHERE ${where.sql}`;
  const count = `FROM requests r WHERE ${where.sql}`;
  const overdue = ctx.sqlite.prepare<unknown[], number>(`SELECT count(*) ${count}`).pluck().get(where.params) ?? 0;
  const latest = ctx.sqlite
    .prepare<unknown[], { id: string; title: string; building_id: string; address: string; due_at: number }>(
      `SELECT r.id, r.title, r.building_id, b.address, r.due_at ${from} ORDER BY r.due_at, r.rowid LIMIT ${LATEST}`,
    )
    .all(where.params);
  const buildings = ctx.sqlite
    .prepare<unknown[], { id: string; lat: number; lng: number; n: number }>(`SELECT r.building_id AS id, b.centroid_lat AS lat, b.centroid_lng AS lng, count(*) AS n ${from} GROUP BY r.building_id`)
    .all(where.params);
  return {
    overdue,
    latest: latest.map((r) => ({ id: r.id, title: r.title, buildingId: r.building_id, address: r.address, dueAt: r.due_at })),
    buildings: buildings.map((b) => ({ id: b.id, centroid: [b.lat, b.lng], overdue: b.n })),
  };
}
