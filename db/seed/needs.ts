/**
 * 代购 and 送药 requests, mostly from households under observation or isolation and from
 * elderly people living alone; about three in five already delivered.
 */
import type { Random } from '../../maps/random';
import type { NeedKind } from '../schema';
import type { HouseholdGroups } from './groups';
import type { SeedWriter } from './writer';
import { NEED_DETAILS } from './texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KINDS: NeedKind[] = ['shopping', 'medicine', 'other'];

export class NeedPlanner {
  needs = 0;

  constructor(
    private readonly rng: Random,
    private readonly writer: SeedWriter,
    private readonly now: number,
    private readonly volunteers: string[],
  ) {}

  /** Writes the household's requests, if any; `requester` is 「姓名（2单元301）」. */
  household(buildingId: string, householdId: string, requester: string, groups: HouseholdGroups, headName: string | undefined): void {
    const { rng } = this;
    let count = 0;
    let weights: number[];
    if (groups.careSince !== null) {
      if (rng.chance(0.6)) count = rng.chance(0.35) ? 2 : 1;
      weights = [0.65, 0.3, 0.05];
    } else if (groups.elderlyAlone) {
      if (rng.chance(0.3)) count = 1;
      weights = [0.35, 0.55, 0.1];
    } else {
      if (rng.chance(0.0015)) count = 1;
      weights = [0.3, 0.3, 0.4];
    }
    const earliest = Math.max(groups.careSince ?? 0, this.now - 6 * DAY);
    for (let i = 0; i < count; i++) {
      const kind = rng.weighted(KINDS, weights);
      const requestedAt = earliest + Math.floor(rng.next() * Math.max(HOUR, this.now - HOUR - earliest));
      const assignee = headName && rng.chance(0.4) ? headName : rng.pick(this.volunteers);
      const doneAt = rng.chance(0.6) ? requestedAt + rng.int(1, 10) * HOUR + rng.int(0, 59) * 60_000 : null;
      const done = doneAt !== null && doneAt <= this.now;
      this.writer.insert('building_needs', [
        buildingId, householdId, kind, rng.pick(NEED_DETAILS[kind]), requester, requestedAt, assignee, done ? doneAt : null, done ? assignee : null,
      ]);
      this.needs++;
    }
  }
}
