import type Database from 'better-sqlite3-multiple-ciphers';
import type { OverviewRequests, RequestDayCounts, RequestDayFigures } from '../../electron/api/overview';
import { boundaryBounds } from '../search/bounds';
import { IN_SCOPE } from './scope';

const LATEST = 8;

/** The street office must answer a request within 24 hours. */
export const OVERDUE_AFTER_HOURS = 24;

/**
 * Requests for help (needs) and incidents: new since `since`, open ones per community, the newest
 * few. The overview reads them through this one function only, so that it can be pointed at a
 * street-wide request queue without touching the rest of the overview.
 */
export function requestFigures(sqlite: Database.Database, scope: string | null, since: number): OverviewRequests {
  const params = { scope, since };
  const count = (sql: string) => sqlite.prepare<unknown[], number>(sql).pluck().get(params) ?? 0;
  const needs = `FROM building_needs n JOIN buildings b ON b.id = n.building_id WHERE n.deleted = 0 AND b.deleted = 0 AND ${IN_SCOPE}`;
  const incidents = `FROM building_incidents i JOIN buildings b ON b.id = i.building_id WHERE i.deleted = 0 AND b.deleted = 0 AND ${IN_SCOPE}`;

  const byCommunity = sqlite
    .prepare<unknown[], { id: string; name: string; boundary: string; open_needs: number; open_incidents: number }>(
      `WITH open AS (
         SELECT b.community_id, 1 AS need, 0 AS incident ${needs} AND n.done_at IS NULL
         UNION ALL SELECT b.community_id, 0, 1 ${incidents} AND i.fixed_at IS NULL)
       SELECT c.id, c.name, c.boundary, sum(o.need) AS open_needs, sum(o.incident) AS open_incidents
         FROM open o JOIN communities c ON c.id = o.community_id
        GROUP BY c.id ORDER BY open_needs + open_incidents DESC, c.code`,
    )
    .all(params);
  const latest = sqlite
    .prepare<unknown[], { kind: 'need' | 'incident'; id: string; building_id: string; address: string; title: string; at: number }>(
      `SELECT * FROM (
         SELECT 'need' AS kind, n.id, n.building_id, b.address, n.detail AS title, n.requested_at AS at ${needs} AND n.requested_at > @since
         UNION ALL
         SELECT 'incident', i.id, i.building_id, b.address, i.title, i.reported_at ${incidents} AND i.reported_at > @since)
        ORDER BY at DESC, id DESC LIMIT ${LATEST}`,
    )
    .all(params);

  return {
    newNeeds: count(`SELECT count(*) ${needs} AND n.requested_at > @since`),
    newIncidents: count(`SELECT count(*) ${incidents} AND i.reported_at > @since`),
    openNeeds: byCommunity.reduce((s, c) => s + c.open_needs, 0),
    openIncidents: byCommunity.reduce((s, c) => s + c.open_incidents, 0),
    byCommunity: byCommunity.map((c) => ({
      communityId: c.id,
      communityName: c.name,
      openNeeds: c.open_needs,
      openIncidents: c.open_incidents,
      bounds: boundaryBounds(c.boundary),
    })),
    latest: latest.map((r) => ({ kind: r.kind, id: r.id, buildingId: r.building_id, address: r.address, title: r.title, at: r.at })),
  };
}

/**
 * Requests for help and incidents over the day `[from, until)`: received and resolved during it,
 * open at `asOf` (its end, or now while it is today) and of those the ones received more than
 * 24 hours before. The daily report reads them through this function only, like the overview.
 */
export function requestDayFigures(sqlite: Database.Database, scope: string | null, day: { from: number; asOf: number }): RequestDayFigures {
  const params = { scope, from: day.from, asOf: day.asOf, overdueBefore: day.asOf - OVERDUE_AFTER_HOURS * 3_600_000 };
  const counts = (table: string, at: string, done: string): RequestDayCounts =>
    sqlite
      .prepare<unknown[], RequestDayCounts>(
        `SELECT count(*) FILTER (WHERE r.${at} >= @from AND r.${at} <= @asOf) AS received,
                count(*) FILTER (WHERE r.${done} >= @from AND r.${done} <= @asOf) AS resolved,
                count(*) FILTER (WHERE r.${at} <= @asOf AND (r.${done} IS NULL OR r.${done} > @asOf)) AS open,
                count(*) FILTER (WHERE r.${at} < @overdueBefore AND (r.${done} IS NULL OR r.${done} > @asOf)) AS overdue
           FROM ${table} r JOIN buildings b ON b.id = r.building_id
          WHERE r.deleted = 0 AND b.deleted = 0 AND ${IN_SCOPE}`,
      )
      .get(params)!;
  return {
    needs: counts('building_needs', 'requested_at', 'done_at'),
    incidents: counts('building_incidents', 'reported_at', 'fixed_at'),
    overdueAfterHours: OVERDUE_AFTER_HOURS,
  };
}
