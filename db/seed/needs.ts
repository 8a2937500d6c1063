/**
 * 代购 and 送药 requests, mostly from households under observation or isolation and from
 * elderly people living alone, each with its life as a request (诉求) so far.
 */
import type { Random } from '../../maps/random';
import type { RequestKind, RequestSource } from '../../messages/requests';
import { writeRequestLife } from './request-life';
import type { HouseholdGroups } from './groups';
import type { SeedWriter } from './writer';
import { NEED_DETAILS } from './texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KINDS: ('shopping' | 'medicine' | 'other')[] = ['shopping', 'medicine', 'other'];
const SOURCES: RequestSource[] = ['wechat', 'hotline', 'visit'];
const RESOLUTIONS: Record<(typeof KINDS)[number], string> = { shopping: '已代购送到家', medicine: '药品已送到住户手中', other: '已上门办理' };

export class NeedPlanner {
  needs = 0;

  constructor(
    private readonly rng: Random,
    private readonly writer: SeedWriter,
    private readonly now: number,
    private readonly volunteers: string[],
  ) {}

  /** Writes the household's requests, if any; `requester` is 「姓名（2单元301）」. */
  household(place: { buildingId: string; gridId: string; communityId: string }, householdId: string, requester: string, groups: HouseholdGroups, headName: string | undefined): void {
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
      const kindOf: RequestKind = kind;
      writeRequestLife(this.writer, rng, this.now, {
        ...place, householdId, kind: kindOf, title: rng.pick(NEED_DETAILS[kind]), description: null, source: rng.weighted(SOURCES, [0.5, 0.2, 0.3]),
        requester, reportedBy: headName ?? assignee, receivedAt: requestedAt, handler: assignee, resolution: RESOLUTIONS[kind],
      });
      this.needs++;
    }
  }
}
