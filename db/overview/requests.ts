import type Database from 'better-sqlite3-multiple-ciphers';
import { NEED_KINDS_SQL, RESOLVE_WITHIN_MS, RESPOND_WITHIN_MS } from '../../messages/requests';
import type { OverviewRequests, RequestDayCounts, RequestDayFigures } from '../../electron/api/overview';
import { boundaryBounds } from '../search/bounds';

const LATEST = 8;
const OPEN = `r.state IN ('pending', 'handling')`;
const IS_NEED = `r.kind IN ${NEED_KINDS_SQL}`;
/** Keeps a query to the requests of the scope's grids (the grid is kept on each request). */
const IN_SCOPE = `(@scope IS NULL OR r.grid_id IN (SELECT value FROM json_each(@scope)))`;

/** The street office must answer a request within 24 hours. */
export const OVERDUE_AFTER_HOURS = 24;

/**
 * Resident requests (诉求), told apart as needs and incidents by their kind: new since `since`,
 * open and overdue ones per community, the newest few. The overview reads them through this one
 * function only.
 */
export function requestFigures(sqlite: Database.Database, scope: string | null, since: number, now: number): OverviewRequests {
  const params = { scope, since, now };
  const count = (sql: string) => sqlite.prepare<unknown[], number>(sql).pluck().get(params) ?? 0;
  const from = `FROM requests r WHERE r.deleted = 0 AND ${IN_SCOPE}`;

  const byCommunity = sqlite
    .prepare<unknown[], { id: string; name: string; boundary: string; open_needs: number; open_incidents: number; overdue: number }>(
      `SELECT c.id, c.name, c.boundary, sum(${IS_NEED}) AS open_needs, sum(NOT ${IS_NEED}) AS open_incidents, sum(r.due_at < @now) AS overdue
         ${from.replace('WHERE', 'JOIN communities c ON c.id = r.community_id WHERE')} AND ${OPEN}
        GROUP BY c.id ORDER BY sum(r.due_at < @now) DESC, count(*) DESC, c.code`,
    )
    .all(params);
  const latest = sqlite
    .prepare<unknown[], { is_need: number; id: string; building_id: string; address: string; title: string; at: number }>(
      `SELECT ${IS_NEED} AS is_need, r.id, r.building_id, b.address, r.title, r.received_at AS at
         ${from.replace('WHERE', 'JOIN buildings b ON b.id = r.building_id WHERE')} AND r.received_at > @since
        ORDER BY r.received_at DESC, r.id DESC LIMIT ${LATEST}`,
    )
    .all(params);

  return {
    newNeeds: count(`SELECT count(*) ${from} AND ${IS_NEED} AND r.received_at > @since`),
    newIncidents: count(`SELECT count(*) ${from} AND NOT ${IS_NEED} AND r.received_at > @since`),
    openNeeds: byCommunity.reduce((s, c) => s + c.open_needs, 0),
    openIncidents: byCommunity.reduce((s, c) => s + c.open_incidents, 0),
    overdue: byCommunity.reduce((s, c) => s + c.overdue, 0),
    escalatedSince: count(`SELECT count(*) ${from} AND r.escalated_at > @since`),
    byCommunity: byCommunity.map((c) => ({
      communityId: c.id,
      communityName: c.name,
      openNeeds: c.open_needs,
      openIncidents: c.open_incidents,
      overdue: c.overdue,
      bounds: boundaryBounds(c.boundary),
    })),
    latest: latest.map((r) => ({ kind: r.is_need ? 'need' : 'incident', id: r.id, buildingId: r.building_id, address: r.address, title: r.title, at: r.at })),
  };
}

/**
 * Needs and incidents over the day `[from, until)`: received and resolved during it, open at
 * `asOf` (its end, or now while it is today) and of those the ones past a limit of the rule by
 * then — not accepted within 24 hours, or sent up and not resolved within 3 days. The daily report
 * reads them through this function only, like the overview.
 */
export function requestDayFigures(sqlite: Database.Database, scope: string | null, day: { from: number; asOf: number }): RequestDayFigures {
  const params = { scope, from: day.from, asOf: day.asOf, respondBy: day.asOf - RESPOND_WITHIN_MS, resolveBy: day.asOf - RESOLVE_WITHIN_MS };
  const openAt = `r.received_at <= @asOf AND (r.resolved_at IS NULL OR r.resolved_at > @asOf)`;
  const late = `((r.accepted_at IS NULL OR r.accepted_at > @asOf) AND r.received_at < @respondBy OR r.level = 'higher' AND r.received_at < @resolveBy)`;
  const counts = (needs: boolean): RequestDayCounts =>
    sqlite
      .prepare<unknown[], RequestDayCounts>(
        `SELECT count(*) FILTER (WHERE r.received_at >= @from AND r.received_at <= @asOf) AS received,
                count(*) FILTER (WHERE r.resolved_at >= @from AND r.resolved_at <= @asOf) AS resolved,
                count(*) FILTER (WHERE ${openAt}) AS open,
                count(*) FILTER (WHERE ${openAt} AND ${late}) AS overdue
           FROM requests r JOIN buildings b ON b.id = r.building_id
          WHERE r.deleted = 0 AND b.deleted = 0 AND ${needs ? '' : 'NOT '}${IS_NEED} AND ${IN_SCOPE}`,
      )
      .get(params)!;
  return { needs: counts(true), incidents: counts(false), overdueAfterHours: OVERDUE_AFTER_HOURS };
}
