/**
 * How many people live in each household and whether it is floating (流动): apartment
 * households average about 2.8, bungalow yards (里院) hold many single floating tenants.
 */
import type { Random } from '../../maps/random';
import type { CompoundKind } from '../schema';
import type { CommunityDraft } from './territory';

/** Set in a household plan byte when the household is floating; the low bits hold its size. */
export const FLOATING_HOUSEHOLD = 0x10;
export const SIZE_MASK = 0x0f;

const SIZES = [1, 2, 3, 4, 5, 6];
const REGISTERED = [0.12, 0.3, 0.32, 0.15, 0.08, 0.03];
const FLOATING = [0.34, 0.3, 0.22, 0.1, 0.04, 0];
const BUNGALOW_REGISTERED = [0.22, 0.32, 0.26, 0.12, 0.06, 0.02];
const BUNGALOW_FLOATING = [0.58, 0.22, 0.12, 0.06, 0.02, 0];

/** Share of floating households by compound kind. */
const FLOATING_SHARE: Record<CompoundKind, number> = { gated: 0.12, open: 0.2, old: 0.24, bungalow: 0.6 };

/** Fills every building's householdPlan and sets its residents to the sum of the sizes. */
export function planHouseholds(communities: CommunityDraft[], rng: Random): void {
  for (const c of communities)
    for (const z of c.zones)
      for (const g of z.grids)
        for (const cp of g.compounds) {
          const bungalow = cp.kind === 'bungalow';
          for (const b of cp.buildings) {
            const plan = new Uint8Array(b.households);
            let residents = 0;
            for (let h = 0; h < plan.length; h++) {
              const floating = rng.chance(FLOATING_SHARE[cp.kind]);
              const weights = bungalow ? (floating ? BUNGALOW_FLOATING : BUNGALOW_REGISTERED) : floating ? FLOATING : REGISTERED;
              const size = rng.weighted(SIZES, weights);
              plan[h] = size | (floating ? FLOATING_HOUSEHOLD : 0);
              residents += size;
            }
            b.householdPlan = plan;
            b.residents = residents;
          }
        }
}
