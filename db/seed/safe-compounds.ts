/** 放心楼院: about 4% of compounds, only ones whose buildings are all 正常, granted within the last 60 days. */
import type { Random } from '../../maps/random';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';
import { SAFE_CRITERIA, SAFE_NOTES } from './texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function writeSafeCompounds(communities: CommunityDraft[], writer: SeedWriter, rng: Random, now: number, operators: string[]): number {
  const compounds = communities.flatMap((c) => c.zones.flatMap((z) => z.grids.flatMap((g) => g.compounds)));
  const eligible = compounds.filter((cp) => cp.buildings.length > 0 && cp.buildings.every((b) => b.status === 'normal'));
  const count = Math.min(eligible.length, Math.max(1, Math.round(compounds.length * 0.04)));
  const chosen = new Set(rng.shuffle([...eligible]).slice(0, count));
  for (const cp of eligible) {
    if (!chosen.has(cp)) continue;
    const grantedAt = now - rng.int(1, 59) * DAY - rng.int(0, 23) * HOUR;
    const picked = new Set(rng.shuffle([...SAFE_CRITERIA]).slice(0, rng.int(3, 5)));
    const criteria = SAFE_CRITERIA.filter((c) => picked.has(c));
    writer.insert('safe_compounds', [cp.id!, grantedAt, JSON.stringify(criteria), rng.pick(SAFE_NOTES), rng.pick(operators), null, null, null]);
  }
  return count;
}
