/**
 * Who serves where: a 片区长 for every zone (often a cadre sent down), a 网格长 and one or two
 * 网格员 for every grid, a 楼栋长 (弄巷长 for alleys) for every building, 单元长 for some units.
 * About four in five of the heads are party members.
 */
import type { Random } from '../../maps/random';
import type { DutyRole, ScopeType } from '../schema';
import type { PersonDraft, PersonFactory, PersonSpec } from './people';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';

const DAY = 86_400_000;

export function writeDuties(
  communities: CommunityDraft[],
  writer: SeedWriter,
  people: PersonFactory,
  rng: Random,
  now: number,
  progress: (done: number) => void,
): void {
  const addPerson = (spec: PersonSpec): { id: string; name: string } => {
    const p: PersonDraft = people.create(spec);
    return { id: writer.insert('people', [p.name, p.gender, p.phone, p.idNumber, p.partyMember ? 1 : 0, p.origin, p.employer, '[]', null, null]), name: p.name };
  };
  const assign = (personId: string, role: DutyRole, scopeType: ScopeType, scopeId: string, since: number) =>
    writer.insert('duty_assignments', [personId, role, scopeType, scopeId, since]);
  const longAgo = () => now - rng.int(60, 900) * DAY;

  let done = 0;
  for (const community of communities) {
    for (const zone of community.zones) {
      const cadre = rng.chance(0.7);
      const head = addPerson(cadre ? { origin: 'cadre', party: 0.95, age: [28, 55] } : { origin: 'community_staff', party: 0.75, age: [30, 58] });
      assign(head.id, 'zone_head', 'zone', zone.id!, cadre ? now - rng.int(20, 75) * DAY : longAgo());
      for (const grid of zone.grids) {
        assign(addPerson({ origin: 'community_staff', party: 0.75, age: [28, 56] }).id, 'grid_head', 'grid', grid.id!, longAgo());
        const workers = rng.chance(0.45) ? 2 : 1;
        grid.workers = [];
        for (let w = 0; w < workers; w++) {
          const origin = rng.chance(0.75) ? 'community_staff' : 'resident';
          const worker = addPerson({ origin, party: 0.5, age: [23, 50], female: 0.6 });
          grid.workers.push(worker.name);
          assign(worker.id, 'grid_worker', 'grid', grid.id!, longAgo());
        }
        for (const compound of grid.compounds) {
          let previous: { id: string; name: string } | null = null;
          for (const building of compound.buildings) {
            const alley = building.kind === 'alley';
            // One alley head often looks after two neighbouring alleys.
            let head: { id: string; name: string } | null = alley && previous && rng.chance(0.35) ? previous : null;
            if (!head) {
              const roll = rng.next();
              const spec: PersonSpec =
                compound.kind === 'gated' && roll < 0.2 ? { origin: 'property', party: 0.55, age: [25, 55] }
                : roll < 0.45 ? { origin: 'party_member', party: 1, age: [28, 60] }
                : { origin: 'resident', party: 0.67, age: [35, 72] };
              head = addPerson(spec);
            }
            previous = head;
            building.headName = head.name;
            assign(head.id, alley ? 'alley_head' : 'building_head', 'building', building.id!, longAgo());
            if (building.units.length > 1)
              building.unitIds!.forEach((unitId) => {
                if (rng.chance(0.5)) assign(addPerson({ origin: 'resident', party: 0.5, age: [30, 75] }).id, 'unit_head', 'unit', unitId, longAgo());
              });
            progress(++done);
          }
        }
      }
    }
  }
}
