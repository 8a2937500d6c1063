/**
 * Control statuses of the demo buildings: almost all normal, a few percent under precaution,
 * about 1.5% controlled around one or two sealed compounds, with the history that led there.
 */
import type { Random } from '../../maps/random';
import type { CommunityDraft, CompoundDraft, GridDraft } from './territory';
import { CONTROLLED_REASONS, PRECAUTION_REASONS, SEALED_REASONS } from './names';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function planStatuses(communities: CommunityDraft[], rng: Random, now: number, operators: string[]): void {
  const grids: GridDraft[] = communities.flatMap((c) => c.zones.flatMap((z) => z.grids));
  const compounds = grids.flatMap((g, gi) => g.compounds.map((cp) => ({ cp, gi })));
  const total = compounds.reduce((s, x) => s + x.cp.buildings.length, 0);
  const operator = () => rng.pick(operators);

  for (const { cp } of compounds)
    for (const b of cp.buildings) b.statusSince = now - rng.int(90, 500) * DAY - rng.int(0, 23) * HOUR;

  // Sealed: one compound (two in bigger offices), the second in the same or the next grid.
  const small = compounds.filter((x) => x.cp.buildings.length >= 2 && x.cp.buildings.length <= 6);
  const pool = small.length ? small : compounds;
  const first = rng.pick(pool);
  const sealed = [first];
  if (total >= 1000) {
    const near = pool.filter((x) => x !== first && Math.abs(x.gi - first.gi) <= 1);
    if (near.length) sealed.push(rng.pick(near));
  }
  const sealedSince = now - rng.int(2, 9) * DAY - rng.int(0, 20) * HOUR;
  for (const { cp } of sealed)
    for (const b of cp.buildings) {
      const controlledAt = sealedSince - rng.int(1, 2) * DAY;
      b.status = 'sealed';
      b.statusSince = sealedSince;
      b.history.push(
        { status: 'controlled', previousStatus: 'normal', reason: '楼内发现次密接人员，先行管控', changedBy: operator(), changedAt: controlledAt, effectiveFrom: controlledAt, effectiveUntil: sealedSince },
        { status: 'sealed', previousStatus: 'controlled', reason: rng.pick(SEALED_REASONS), changedBy: operator(), changedAt: sealedSince, effectiveFrom: sealedSince, effectiveUntil: sealedSince + 14 * DAY },
      );
    }

  const setStatus = (cp: CompoundDraft, status: 'controlled' | 'precaution', reason: () => string, budget: number): number => {
    let n = 0;
    const since = now - rng.int(1, status === 'controlled' ? 6 : 20) * DAY - rng.int(0, 23) * HOUR;
    for (const b of cp.buildings) {
      if (b.status !== 'normal' || n >= budget) continue;
      b.status = status;
      b.statusSince = since;
      b.history.push({
        status, previousStatus: 'normal', reason: reason(), changedBy: operator(), changedAt: since, effectiveFrom: since,
        effectiveUntil: status === 'controlled' ? since + 7 * DAY : null,
      });
      n++;
    }
    return n;
  };

  // Controlled: the rest of the sealed compounds' grids first, then scattered compounds.
  let controlled = Math.max(2, Math.round(total * 0.015));
  for (const gi of new Set(sealed.map((x) => x.gi)))
    for (const cp of grids[gi]!.compounds) controlled -= setStatus(cp, 'controlled', () => '与封控楼栋相邻，管控7天', controlled);
  for (const { cp } of rng.shuffle([...compounds])) {
    if (controlled <= 0) break;
    controlled -= setStatus(cp, 'controlled', () => rng.pick(CONTROLLED_REASONS), controlled);
  }
  // Precaution: scattered, bungalow yards (many rented rooms) more often.
  let precaution = Math.max(3, Math.round(total * 0.04));
  const weighted = compounds.filter((x) => x.cp.kind === 'bungalow' || rng.chance(0.4));
  for (const { cp } of rng.shuffle(weighted)) {
    if (precaution <= 0) break;
    precaution -= setStatus(cp, 'precaution', () => rng.pick(PRECAUTION_REASONS), precaution);
  }
}
