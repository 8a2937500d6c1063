/** Incidents at about one building in 150, reported by the building head or a grid worker, each a request (诉求) with its life so far. */
import type { Random } from '../../maps/random';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';
import { INCIDENTS } from './texts';
import { writeRequestLife } from './request-life';
import type { RequestSource } from '../../messages/requests';

const SOURCES: RequestSource[] = ['photo', 'hotline', 'wechat'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function writeIncidents(communities: CommunityDraft[], writer: SeedWriter, rng: Random, now: number, handlers: string[]): number {
  const buildings = communities.flatMap((c) =>
    c.zones.flatMap((z) => z.grids.flatMap((g) => g.compounds.flatMap((cp) => cp.buildings.map((b) => ({ b, gridId: g.id!, communityId: c.id!, workers: g.workers ?? [] }))))),
  );
  const count = Math.max(2, Math.round(buildings.length / 150));
  const chosen = rng.shuffle([...buildings.keys()]).slice(0, count).sort((a, b) => a - b);
  for (const i of chosen) {
    const { b, gridId, communityId, workers } = buildings[i]!;
    const options = b.floors >= 7 ? INCIDENTS : INCIDENTS.slice(0, -1);
    const [title, detail, fixNote] = rng.pick(options);
    const reportedAt = now - rng.int(0, 20) * DAY - rng.int(1, 23) * HOUR;
    const reporter = b.headName && (workers.length === 0 || rng.chance(0.6)) ? b.headName : rng.pick(workers.length ? workers : handlers);
    const handler = rng.pick(workers.length && rng.chance(0.5) ? workers : handlers);
    writeRequestLife(writer, rng, now, {
      buildingId: b.id!, gridId, communityId, householdId: null, kind: 'facility', title, description: detail, source: rng.weighted(SOURCES, [0.6, 0.25, 0.15]),
      requester: null, reportedBy: reporter, receivedAt: reportedAt, handler, resolution: fixNote,
    });
  }
  return count;
}
