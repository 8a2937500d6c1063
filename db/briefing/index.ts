import { authorize, can, gridScope } from '../auth/permissions';
import { staffingNow } from '../staffing/now';
import type { ServiceContext } from '../context';
import { requestFigures } from '../overview/requests';
import { boundaryBounds } from '../search/bounds';
import { baselineStatus, readDefinitions } from '../statuses/definitions';
import type { Briefing, BriefingCommunity } from '../../electron/api/briefing';
import { DAY_MS, trendDays } from './days';
import { keyFigures } from './figures';
import { watchedResidents } from './people';
import { safeCompoundsAt } from './safe-compounds';
import { scopeParam } from './scope';
import { screeningFigures } from './screening';
import { controlledCount, statusesAt, statusesNow, totalByStatus, type StatusTally } from './statuses';

const sum = <T>(values: Iterable<T>, of: (v: T) => number) => {
  let n = 0;
  for (const v of values) n += of(v);
  return n;
};

/**
 * `briefing.get`: everything the leaders' wall display shows, counted now for the caller's scope
 * (a grid worker's grids), each figure with its value 24 hours earlier where the records allow.
 * Open needs and incidents come from the overview's `requestFigures`, the one place that counts
 * them.
 */
export function briefing(ctx: ServiceContext, _input: Record<string, never> = {}, now = Date.now()): Briefing {
  authorize(ctx.actor, 'briefing.view');
  const { sqlite } = ctx;
  const grids = gridScope(ctx.actor);
  const scope = scopeParam(grids);
  const yesterday = now - DAY_MS;
  const baseline = baselineStatus(ctx);
  const definitions = readDefinitions(ctx).filter((d) => !d.retired);

  const communities = sqlite
    .prepare<unknown[], { id: string; name: string; boundary: string }>(
      `SELECT c.id, c.name, c.boundary FROM communities c
        WHERE c.deleted = 0 AND (@scope IS NULL OR c.id IN (SELECT g.community_id FROM grids g WHERE g.id IN (SELECT value FROM json_each(@scope))))
        ORDER BY c.code`,
    )
    .all({ scope });
  const gridCommunity = new Map(sqlite.prepare<unknown[], [string, string]>('SELECT id, community_id FROM grids').raw().all());

  const days = trendDays(now);
  const current = statusesNow(sqlite, scope);
  const [atYesterday, ...atDays] = statusesAt(sqlite, scope, current, [yesterday, ...days.map((d) => d.at)], baseline) as [StatusTally, ...StatusTally[]];
  const [watched, watchedBefore] = watchedResidents(sqlite, scope, now, yesterday);
  const safe = safeCompoundsAt(sqlite, scope, now);
  const safeBefore = safeCompoundsAt(sqlite, scope, yesterday);
  const screening = screeningFigures(ctx, scope, gridCommunity, days.map((d) => d.day), yesterday);
  const requests = requestFigures(sqlite, scope, yesterday, now);
  const openByCommunity = new Map(requests.byCommunity.map((c) => [c.communityId, c]));

  const statusKeys = new Set([...definitions.map((d) => d.key), ...totalByStatus(current).keys()]);
  const record = (counts: ReadonlyMap<string, number> | undefined) => Object.fromEntries([...statusKeys].map((k) => [k, counts?.get(k) ?? 0]));

  const byCommunity: BriefingCommunity[] = communities.map((c) => {
    const now_ = current.get(c.id);
    return {
      communityId: c.id,
      name: c.name,
      buildings: sum(now_?.values() ?? [], (n) => n),
      byStatus: record(now_),
      controlled: controlledCount(now_, baseline),
      controlledYesterday: controlledCount(atYesterday.get(c.id), baseline),
      safeCompounds: safe.get(c.id) ?? 0,
      homeObservation: watched.get(c.id)?.homeObservation ?? 0,
      isolation: watched.get(c.id)?.isolation ?? 0,
      screening: screening.byCommunity.get(c.id) ?? { households: 0, done: 0 },
      openNeeds: openByCommunity.get(c.id)?.openNeeds ?? 0,
      openIncidents: openByCommunity.get(c.id)?.openIncidents ?? 0,
      bounds: boundaryBounds(c.boundary),
    };
  });

  const { households, done } = screening.total;
  let doneBy = done - screening.doneByDay.reduce((a, n) => a + n, 0);
  const shares = households > 0 ? screening.doneByDay.map((n) => (doneBy += n) / households) : [];

  const totalNow = totalByStatus(current);
  const totalYesterday = totalByStatus(atYesterday);
  const street = sqlite.prepare<unknown[], string>('SELECT name FROM street_offices WHERE deleted = 0 LIMIT 1').pluck().get() ?? '';
  return {
    now,
    street,
    scope: grids ? 'grids' : 'street',
    statuses: definitions.map(({ key, label, labelEn, color, rank }) => ({ key, label, labelEn, color, rank })),
    figures: keyFigures({
      controlled: controlledCount(totalNow, baseline),
      controlledYesterday: controlledCount(totalYesterday, baseline),
      safeCompounds: sum(safe.values(), (n) => n),
      safeCompoundsYesterday: sum(safeBefore.values(), (n) => n),
      homeObservation: sum(watched.values(), (w) => w.homeObservation),
      homeObservationYesterday: sum(watchedBefore.values(), (w) => w.homeObservation),
      isolation: sum(watched.values(), (w) => w.isolation),
      isolationYesterday: sum(watchedBefore.values(), (w) => w.isolation),
      screening: screening.total,
      requests,
      staffing: can(ctx.actor, 'staffing.read') ? staffingNow(sqlite, grids, now) : null,
    }),
    byStatus: [...statusKeys].map((status) => ({ status, buildings: totalNow.get(status) ?? 0, yesterday: totalYesterday.get(status) ?? 0 })),
    screening: screening.total,
    communities: byCommunity,
    trend: days.map((d, i) => ({
      day: d.day,
      byStatus: record(totalByStatus(atDays[i]!)),
      visits: screening.doneByDay[i]!,
      screeningShare: shares[i] ?? null,
    })),
  };
}
