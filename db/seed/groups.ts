/**
 * Special groups of the demo residents, current relative to `now`: 居家观察 around sealed and
 * controlled buildings, a few 隔离 in sealed ones, 独居老人, 残疾人 and recent 返乡人员.
 */
import type { Random } from '../../maps/random';
import type { ControlStatus } from '../schema';
import type { MemberDraft } from './family';
import type { SeedWriter } from './writer';
import { DISABILITY_NOTES, ELDERLY_NOTES, ISOLATION_NOTES, OBSERVATION_NOTES, RETURNEE_NOTES } from './texts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OBSERVATION_DAYS = 14;

/** Chance a household is under home observation, by its building's status. */
const OBSERVED: Record<string, number> = { sealed: 0.3, controlled: 0.12, precaution: 0.008, normal: 0.001 };
/** Chance a household outside sealed buildings finished a home observation in the last ten days. */
const ENDED_OBSERVATION = 0.002;

export interface HouseholdGroups {
  /** Start of a current 居家观察 or 隔离 of someone in the household, else null. */
  careSince: number | null;
  elderlyAlone: boolean;
  /** Start of the latest 返乡 of someone in the household, else null. */
  returneeSince: number | null;
  /** Index of the member the care or the elderly tag is about. */
  member: number;
}

export interface BuildingGroupContext {
  buildingId: string;
  status: ControlStatus;
  statusSince: number;
  /** Household index that is isolated (sealed buildings only), or -1. */
  isolated: number;
}

export class GroupTagger {
  readonly today: number;
  tags = 0;

  constructor(
    private readonly rng: Random,
    private readonly writer: SeedWriter,
    private readonly now: number,
  ) {
    this.today = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  }

  /** Which household of a building is isolated, decided once per building. */
  building(buildingId: string, status: ControlStatus, statusSince: number, households: number): BuildingGroupContext {
    const isolated = status === 'sealed' && this.rng.chance(0.6) ? this.rng.int(0, households - 1) : -1;
    return { buildingId, status, statusSince, isolated };
  }

  private tag(residentId: string, buildingId: string, tag: string, startsOn: number | null, endsOn: number | null, note: string | null): void {
    this.writer.insert('resident_tags', [residentId, buildingId, tag, startsOn, endsOn, note]);
    this.tags++;
  }

  tagHousehold(ctx: BuildingGroupContext, index: number, members: MemberDraft[], residentIds: string[], floating: boolean): HouseholdGroups {
    const { rng, today } = this;
    const b = ctx.buildingId;
    const groups: HouseholdGroups = { careSince: null, elderlyAlone: false, returneeSince: null, member: 0 };
    const sinceDay = Math.floor((ctx.statusSince + 8 * HOUR) / DAY) * DAY - 8 * HOUR;

    if (index === ctx.isolated) {
      const start = Math.min(sinceDay, today);
      const isolated = Math.min(members.length, rng.int(1, 3));
      for (let m = 0; m < isolated; m++) this.tag(residentIds[m]!, b, 'isolation', start, start + OBSERVATION_DAYS * DAY, rng.pick(ISOLATION_NOTES));
      groups.careSince = start;
    } else if (rng.chance((OBSERVED[ctx.status] ?? OBSERVED.normal!) + (ctx.status === 'sealed' ? 0 : ENDED_OBSERVATION))) {
      const ended = ctx.status !== 'sealed' && rng.chance(ENDED_OBSERVATION / ((OBSERVED[ctx.status] ?? OBSERVED.normal!) + ENDED_OBSERVATION));
      let start = ended ? today - rng.int(15, 24) * DAY : today - rng.int(0, 9) * DAY;
      if (ctx.status === 'sealed' && start < sinceDay) start = Math.min(sinceDay, today);
      const note = rng.pick(OBSERVATION_NOTES);
      for (const id of residentIds) this.tag(id, b, 'home_observation', start, start + OBSERVATION_DAYS * DAY, note);
      if (!ended) groups.careSince = start;
    }

    members.forEach((m, i) => {
      const id = residentIds[i]!;
      if (m.age >= 18 && m.age <= 65 && rng.chance(floating ? 0.022 : 0.008)) {
        const start = today - rng.int(0, 13) * DAY;
        this.tag(id, b, 'returnee', start, null, rng.pick(RETURNEE_NOTES));
        if (groups.returneeSince === null || start > groups.returneeSince) groups.returneeSince = start;
        if (groups.careSince === null && start >= today - 9 * DAY && rng.chance(0.2)) {
          this.tag(id, b, 'home_observation', start, start + OBSERVATION_DAYS * DAY, '返青人员，居家观察');
          groups.careSince = start;
          groups.member = i;
        }
      }
      if (rng.chance(m.age >= 60 ? 0.028 : m.age >= 18 ? 0.011 : 0.004)) this.tag(id, b, 'disabled', null, null, rng.pick(DISABILITY_NOTES));
    });

    if (members.length === 1 && members[0]!.age >= 70) {
      this.tag(residentIds[0]!, b, 'elderly_alone', null, null, rng.pick(ELDERLY_NOTES));
      groups.elderlyAlone = true;
    }
    return groups;
  }
}
