/**
 * The aggregate-only report (docs/bundle-format.md, "report.jsonl"): counts per community, grid
 * and day, for a recipient who must not get names. Only codes, names of places, days, measures
 * and numbers leave the office — no row of a person, resident or household.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { AreaChoice } from './area';

export interface ReportRow {
  community: string;
  communityName: string;
  /** The grid's code; null for a figure of the whole community. */
  grid: string | null;
  gridName: string | null;
  /** YYYY-MM-DD; null for a figure as of the bundle's creation. */
  day: string | null;
  measure: ReportMeasure;
  /** What the figure is of, when the measure has several: a status key, a round number. */
  key: string | null;
  value: number;
}

export const REPORT_MEASURES = [
  'buildings',
  'households',
  'residents',
  'screening.households',
  'screening.visited',
  'staffing.needed',
  'staffing.filled',
  'volunteers.active',
  'volunteers.minutes',
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

/** A report row as a reader checks it: only these fields, of these forms — nothing else can ride along. */
export const reportRowSchema = z
  .object({
    community: z.string().max(40),
    communityName: z.string().max(80),
    grid: z.string().max(40).nullable(),
    gridName: z.string().max(80).nullable(),
    day: z.iso.date().nullable(),
    measure: z.enum(REPORT_MEASURES),
    key: z.string().max(40).nullable(),
    value: z.number().finite(),
  })
  .strict();

const LOCAL_DAY = (ms: string) => `date(${ms} / 1000, 'unixepoch', 'localtime')`;

/** Each query yields community and grid ids, a day, a key and a value; the measure is its own. */
const QUERIES: Record<ReportMeasure, string> = {
  buildings: `SELECT x.grid_id, NULL AS day, x.status AS key, count(*) AS value FROM buildings x WHERE x.deleted = 0 GROUP BY x.grid_id, x.status`,
  households: `SELECT b.grid_id, NULL AS day, NULL AS key, count(*) AS value FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.deleted = 0 AND b.deleted = 0 GROUP BY b.grid_id`,
  residents: `SELECT b.grid_id, NULL AS day, NULL AS key, count(*) AS value FROM residents r JOIN buildings b ON b.id = r.building_id WHERE r.deleted = 0 AND b.deleted = 0 GROUP BY b.grid_id`,
  'screening.households': `SELECT v.grid_id, NULL AS day, CAST(r.number AS TEXT) AS key, count(*) AS value FROM screening_visits v JOIN screening_rounds r ON r.id = v.round_id
    WHERE v.deleted = 0 AND r.deleted = 0 GROUP BY v.grid_id, r.number`,
  'screening.visited': `SELECT v.grid_id, ${LOCAL_DAY('v.visited_at')} AS day, CAST(r.number AS TEXT) AS key, count(*) AS value FROM screening_visits v JOIN screening_rounds r ON r.id = v.round_id
    WHERE v.deleted = 0 AND r.deleted = 0 AND v.result <> 'pending' AND v.visited_at IS NOT NULL GROUP BY v.grid_id, day, r.number`,
  'staffing.needed': `SELECT p.grid_id, s.date AS day, p.kind AS key, sum(p.staff_needed) AS value FROM (SELECT DISTINCT post_id, template_id, date FROM shift_assignments WHERE deleted = 0) s
    JOIN duty_posts p ON p.id = s.post_id WHERE p.deleted = 0 GROUP BY p.grid_id, s.date, p.kind`,
  'staffing.filled': `SELECT p.grid_id, s.date AS day, p.kind AS key, count(*) AS value FROM shift_assignments s JOIN duty_posts p ON p.id = s.post_id
    WHERE s.deleted = 0 AND p.deleted = 0 AND s.no_show = 0 GROUP BY p.grid_id, s.date, p.kind`,
  'volunteers.active': `SELECT NULL AS grid_id, x.community_id, NULL AS day, x.kind AS key, count(*) AS value FROM volunteer_profiles x WHERE x.deleted = 0 AND x.status = 'active' GROUP BY x.community_id, x.kind`,
  'volunteers.minutes': `SELECT NULL AS grid_id, x.community_id, x.date AS day, NULL AS key, sum(x.minutes) AS value FROM service_hours x WHERE x.deleted = 0 GROUP BY x.community_id, x.date`,
};

interface Figure {
  grid_id: string | null;
  community_id?: string | null;
  day: string | null;
  key: string | null;
  value: number;
}

/** The report's rows, ordered by community, grid, day, measure and key; within the chosen area when there is one. */
export function aggregateReport(sqlite: Database.Database, area?: AreaChoice): ReportRow[] {
  const grids = new Map(
    sqlite
      .prepare<[], { id: string; code: string; name: string; community_id: string }>(`SELECT id, code, name, community_id FROM grids`)
      .all()
      .map((g) => [g.id, g]),
  );
  const communities = new Map(sqlite.prepare<[], { id: string; code: string; name: string }>(`SELECT id, code, name FROM communities`).all().map((c) => [c.id, c]));
  const chosenCommunities = new Set(area?.communityIds ?? []);
  const chosenGrids = new Set(area?.gridIds ?? []);
  const wanted = (communityId: string, gridId: string | null) =>
    !area || chosenCommunities.has(communityId) || (gridId !== null && chosenGrids.has(gridId));
  const rows: ReportRow[] = [];
  for (const measure of REPORT_MEASURES) {
    for (const f of sqlite.prepare(QUERIES[measure]).all() as Figure[]) {
      const grid = f.grid_id ? grids.get(f.grid_id) : undefined;
      const community = communities.get(grid?.community_id ?? f.community_id ?? '');
      if (!community || !wanted(community.id, grid?.id ?? null)) continue;
      rows.push({ community: community.code, communityName: community.name, grid: grid?.code ?? null, gridName: grid?.name ?? null, day: f.day, measure, key: f.key, value: f.value });
    }
  }
  const text = (r: ReportRow) => [r.community, r.grid ?? '', r.day ?? '', r.measure, r.key ?? ''].join('\u0000');
  return rows.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}
