/**
 * Writes every building's households and residents from its household plan, with their
 * special groups and requests for help. Keeps what the screening rounds need per household.
 */
import type { Random } from '../../maps/random';
import type { Gender } from '../schema';
import { draftFamily } from './family';
import { GroupTagger } from './groups';
import { FLOATING_HOUSEHOLD, SIZE_MASK } from './household-plan';
import { NeedPlanner } from './needs';
import { uniquePhone } from './people';
import { ResidentIds } from './resident-ids';
import { roomLabels } from './rooms';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';

const REGISTERED_REGION = '370202';

/** Households in write order, as parallel columns. */
export interface HouseholdIndex {
  ids: string[];
  buildingIds: string[];
  gridIds: string[];
  /** Names of the 网格员 of the household's grid. */
  workers: string[][];
  /** Start of the latest 返乡 in the household, or 0. */
  returneeSince: number[];
}

export interface ResidentCounts {
  households: number;
  residents: number;
  tags: number;
  needs: number;
}

function phoneChance(age: number): number {
  return age < 12 ? 0 : age < 18 ? 0.35 : age < 80 ? 0.9 : 0.55;
}

export function writeResidents(
  communities: CommunityDraft[],
  writer: SeedWriter,
  rng: Random,
  now: number,
  pools: { ids: Set<string>; phones: Set<string>; volunteers: string[] },
  progress: (done: number, total: number) => void,
): { index: HouseholdIndex; counts: ResidentCounts } {
  const familyRng = rng.fork('family');
  const roomRng = rng.fork('rooms');
  const phoneRng = rng.fork('phones');
  const identity = new ResidentIds(rng.fork('id-numbers'), now, pools.ids);
  const tagger = new GroupTagger(rng.fork('groups'), writer, now);
  const needs = new NeedPlanner(rng.fork('needs'), writer, now, pools.volunteers);
  const index: HouseholdIndex = { ids: [], buildingIds: [], gridIds: [], workers: [], returneeSince: [] };
  const total = communities.reduce((s, c) => s + c.zones.reduce((t, z) => t + z.grids.reduce((u, g) => u + g.compounds.reduce((v, cp) => v + cp.buildings.length, 0), 0), 0), 0);
  let residents = 0;
  let done = 0;
  const residentIds: string[] = [];

  for (const c of communities)
    for (const z of c.zones)
      for (const g of z.grids) {
        const workers = g.workers ?? [];
        for (const cp of g.compounds)
          for (const b of cp.buildings) {
            const plan = b.householdPlan!;
            const rooms = roomLabels(b, roomRng);
            const ctx = tagger.building(b.id!, b.status, b.statusSince, plan.length);
            let unit = 0;
            let leftInUnit = b.units[0] ?? 0;
            for (let h = 0; h < plan.length; h++) {
              while (leftInUnit === 0 && unit < b.units.length - 1) leftInUnit = b.units[++unit]!;
              leftInUnit--;
              const floating = (plan[h]! & FLOATING_HOUSEHOLD) !== 0;
              const registration = floating ? 'floating' : 'registered';
              const members = draftFamily(familyRng, plan[h]! & SIZE_MASK, floating);
              const householdId = writer.insert('households', [b.id!, b.unitIds?.[unit] ?? null, rooms[h]!, registration]);
              const region = floating ? identity.floatingRegion() : REGISTERED_REGION;
              residentIds.length = 0;
              for (const m of members) {
                const birthYear = identity.year - m.age;
                const gender: Gender = m.gender;
                const id = identity.make(floating && familyRng.chance(0.1) ? identity.floatingRegion() : region, gender, birthYear);
                const phone = phoneRng.chance(phoneChance(m.age)) ? uniquePhone(phoneRng, pools.phones) : null;
                residentIds.push(writer.insert('residents', [householdId, b.id!, m.name, gender, birthYear, id, phone, m.relation, registration]));
              }
              residents += members.length;
              const groups = tagger.tagHousehold(ctx, h, members, residentIds, floating);
              const asker = members[groups.member]!.age >= 14 ? members[groups.member]! : members[0]!;
              needs.household({ buildingId: b.id!, gridId: g.id!, communityId: c.id! }, householdId, `${asker.name}（${rooms[h]}）`, groups, b.headName);
              index.ids.push(householdId);
              index.buildingIds.push(b.id!);
              index.gridIds.push(g.id!);
              index.workers.push(workers);
              index.returneeSince.push(groups.returneeSince ?? 0);
            }
            progress(++done, total);
          }
      }
  return { index, counts: { households: index.ids.length, residents, tags: tagger.tags, needs: needs.needs } };
}
