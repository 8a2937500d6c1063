/** Incidents at about one building in 150: reported by the building head or a grid worker, half fixed within a week. */
import type { Random } from '../../maps/random';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';
import { INCIDENTS } from './texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function writeIncidents(communities: CommunityDraft[], writer: SeedWriter, rng: Random, now: number, handlers: string[]): number {
  const buildings = communities.flatMap((c) =>
    c.zones.flatMap((z) => z.grids.flatMap((g) => g.compounds.flatMap((cp) => cp.buildings.map((b) => ({ b, workers: g.workers ?? [] }))))),
  );
  const count = Math.max(2, Math.round(buildings.length / 150));
  const chosen = rng.shuffle([...buildings.keys()]).slice(0, count).sort((a, b) => a - b);
  for (const i of chosen) {
    const { b, workers } = buildings[i]!;
    const options = b.floors >= 7 ? INCIDENTS : INCIDENTS.slice(0, -1);
    const [title, detail, fixNote] = rng.pick(options);
    const reportedAt = now - rng.int(1, 20) * DAY - rng.int(0, 23) * HOUR;
    const reporter = b.headName && (workers.length === 0 || rng.chance(0.6)) ? b.headName : rng.pick(workers.length ? workers : handlers);
    const handler = rng.chance(0.85) ? rng.pick(workers.length && rng.chance(0.5) ? workers : handlers) : null;
    const fixedAt = handler && rng.chance(0.5) ? reportedAt + rng.int(3, 6 * 24) * HOUR : null;
    const fixed = fixedAt !== null && fixedAt < now;
    writer.insert('building_incidents', [b.id!, title, detail, reporter, reportedAt, handler, fixed ? fixedAt : null, fixed ? fixNote : null]);
  }
  return count;
}
