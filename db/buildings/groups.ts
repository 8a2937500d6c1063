import type Database from 'better-sqlite3-multiple-ciphers';
import { residentTagKinds, type ResidentTagKind } from '../schema';
import type { GroupCounts } from '../../electron/api/buildings';

/**
 * A tag that counts now (a resident's tags are deleted with the resident, so the tag row alone decides): 居家观察 and 隔离 only between their start and end dates, the other
 * groups for as long as the tag stands. Expects `@now` among the parameters.
 */
export const CURRENT_TAG = `t.deleted = 0 AND (t.tag NOT IN ('home_observation', 'isolation')
  OR ((t.starts_on IS NULL OR t.starts_on <= @now) AND (t.ends_on IS NULL OR t.ends_on >= @now)))`;

export type TagCounts = Record<ResidentTagKind, number>;

export function emptyTagCounts(): TagCounts {
  return Object.fromEntries(residentTagKinds.map((k) => [k, 0])) as TagCounts;
}

/** Households, residents by registration and residents currently in each group, of one building. */
export function buildingGroups(sqlite: Database.Database, buildingId: string, now: number): GroupCounts {
  const households = sqlite.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM households WHERE building_id = ? AND deleted = 0').get(buildingId)!.n;
  const people = sqlite
    .prepare<unknown[], { residents: number; registered: number; floating: number }>(
      `SELECT count(*) AS residents, coalesce(sum(registration = 'registered'), 0) AS registered, coalesce(sum(registration = 'floating'), 0) AS floating
         FROM residents WHERE building_id = ? AND deleted = 0`,
    )
    .get(buildingId)!;
  const tags = emptyTagCounts();
  const rows = sqlite
    .prepare<unknown[], { tag: ResidentTagKind; n: number }>(
      `SELECT t.tag, count(DISTINCT t.resident_id) AS n FROM resident_tags t
        WHERE t.building_id = @building AND ${CURRENT_TAG} GROUP BY t.tag`,
    )
    .all({ building: buildingId, now });
  for (const r of rows) if (r.tag in tags) tags[r.tag] = r.n;
  return { households, ...people, tags };
}
