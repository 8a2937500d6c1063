import type Database from 'better-sqlite3-multiple-ciphers';
import { CURRENT_TAG } from '../buildings/groups';
import { IN_SCOPE } from './scope';

export interface WatchedResidents {
  homeObservation: number;
  isolation: number;
}

/** `CURRENT_TAG` at another moment than `@now`. */
const currentAt = (param: string) => CURRENT_TAG.replaceAll('@now', param);

/**
 * Residents under home observation and in isolation, by community, at each of two moments (now
 * and 24 hours earlier) in one pass over the tags index; a resident is counted once per group.
 */
export function watchedResidents(sqlite: Database.Database, scope: string | null, now: number, before: number): [Map<string, WatchedResidents>, Map<string, WatchedResidents>] {
  const rows = sqlite
    .prepare<unknown[], [string, 'home_observation' | 'isolation', number, number]>(
      `SELECT b.community_id, t.tag,
              count(DISTINCT CASE WHEN ${currentAt('@now')} THEN t.resident_id END),
              count(DISTINCT CASE WHEN ${currentAt('@before')} THEN t.resident_id END)
         FROM resident_tags t INDEXED BY resident_tags_tag_idx JOIN buildings b ON b.id = t.building_id
        WHERE t.tag IN ('home_observation', 'isolation') AND t.deleted = 0 AND b.deleted = 0 AND ${IN_SCOPE}
        GROUP BY 1, 2`,
    )
    .raw()
    .all({ scope, now, before });
  const out: [Map<string, WatchedResidents>, Map<string, WatchedResidents>] = [new Map(), new Map()];
  for (const [community, tag, ...counts] of rows) {
    counts.forEach((n, i) => {
      let row = out[i]!.get(community);
      if (!row) out[i]!.set(community, (row = { homeObservation: 0, isolation: 0 }));
      if (tag === 'home_observation') row.homeObservation = n;
      else row.isolation = n;
    });
  }
  return out;
}
