import type Database from 'better-sqlite3-multiple-ciphers';
import { IN_SCOPE } from './scope';

/** Buildings by community and status: `counts.get(community).get(status)`. */
export type StatusTally = Map<string, Map<string, number>>;

interface Entry {
  status: string;
  from: number;
  changed: number;
  hlc: string;
}

function add(t: StatusTally, community: string, status: string, n: number): void {
  let row = t.get(community);
  if (!row) t.set(community, (row = new Map()));
  row.set(status, (row.get(status) ?? 0) + n);
}

export function cloneTally(t: StatusTally): StatusTally {
  return new Map([...t].map(([c, row]) => [c, new Map(row)]));
}

/** The buildings of the scope by community and their status now. */
export function statusesNow(sqlite: Database.Database, scope: string | null): StatusTally {
  const rows = sqlite
    .prepare<unknown[], [string, string, number]>(
      `SELECT b.community_id, b.status, count(*) FROM buildings b INDEXED BY buildings_community_status_idx WHERE b.deleted = 0 AND ${IN_SCOPE} GROUP BY 1, 2`,
    )
    .raw()
    .all({ scope });
  const out: StatusTally = new Map();
  for (const [community, status, n] of rows) add(out, community, status, n);
  return out;
}

/**
 * The rule of `map.statusAsOf`: a building's status at `at` is its latest entry that had taken
 * effect and had been recorded by then (latest by effective date, then by record time); with
 * none, the baseline.
 */
function statusAt(entries: readonly Entry[], at: number, baseline: string): string {
  let best: Entry | null = null;
  for (const e of entries) {
    if (e.from > at || e.changed > at) continue;
    if (!best || e.from > best.from || (e.from === best.from && (e.changed > best.changed || (e.changed === best.changed && e.hlc > best.hlc)))) best = e;
  }
  return best ? best.status : baseline;
}

/**
 * Buildings by community and status at each of `moments` (all after `since`), from the statuses
 * now: only buildings with a history entry recorded or taking effect after `since` can have had
 * another status then, so only their histories are read, and each is moved back to the status it
 * had at that moment.
 */
export function statusesAt(
  sqlite: Database.Database,
  scope: string | null,
  now: StatusTally,
  moments: readonly number[],
  baseline: string,
): StatusTally[] {
  const since = Math.min(...moments);
  const rows = sqlite
    .prepare<unknown[], [string, string, string, string, number, number, string]>(
      `SELECT h.building_id, b.community_id, b.status, h.status, h.effective_from, h.changed_at, h.hlc
         FROM (SELECT DISTINCT building_id AS id FROM building_status_history WHERE deleted = 0 AND (effective_from > @since OR changed_at > @since)) moved
        CROSS JOIN buildings b ON b.id = moved.id
        CROSS JOIN building_status_history h ON h.building_id = moved.id
        WHERE h.deleted = 0 AND b.deleted = 0 AND ${IN_SCOPE}
        ORDER BY h.building_id`,
    )
    .raw()
    .all({ scope, since });
  const out = moments.map(() => cloneTally(now));
  let i = 0;
  while (i < rows.length) {
    const [building, community, current] = rows[i]!;
    const entries: Entry[] = [];
    for (; i < rows.length && rows[i]![0] === building; i++) {
      const r = rows[i]!;
      entries.push({ status: r[3], from: r[4], changed: r[5], hlc: r[6] });
    }
    moments.forEach((at, m) => {
      const then = statusAt(entries, at, baseline);
      if (then === current) return;
      add(out[m]!, community, current, -1);
      add(out[m]!, community, then, 1);
    });
  }
  return out;
}

/** Street-wide (or scope-wide) buildings by status. */
export function totalByStatus(t: StatusTally): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of t.values()) for (const [status, n] of row) out.set(status, (out.get(status) ?? 0) + n);
  return out;
}

/** Buildings under a status stricter than the baseline. */
export function controlledCount(row: ReadonlyMap<string, number> | undefined, baseline: string): number {
  let n = 0;
  for (const [status, count] of row ?? []) if (status !== baseline) n += count;
  return n;
}
