/** Demo people: names by surname frequency, gender, unique mobile and ID numbers, origin and work unit. */
import type { Random } from '../../maps/random';
import type { Gender, PersonOrigin } from '../schema';
import { makeIdNumber, MOBILE_PREFIXES } from './identity';
import { EMPLOYERS, FEMALE_CHARS, MALE_CHARS, SURNAMES } from './names';

export interface PersonDraft {
  name: string;
  gender: Gender;
  phone: string;
  idNumber: string;
  partyMember: boolean;
  origin: PersonOrigin;
  employer: string | null;
}

export interface PersonSpec {
  origin: PersonOrigin;
  /** Probability of being a party member (ignored for registered party members, who always are). */
  party: number;
  age: [number, number];
  /** Probability of being a woman. */
  female?: number;
}

const DAY = 86_400_000;
const REGION = '370202';

const SURNAME_LIST = SURNAMES.map(([s]) => s);
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

/** A surname, drawn by frequency. */
export function pickSurname(rng: Random): string {
  return rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
}

/** A one- or two-character given name for a man or a woman. */
export function givenName(rng: Random, gender: Gender): string {
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  return rng.chance(0.3) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
}

/** A unique mobile number, remembered in `taken`. */
export function uniquePhone(rng: Random, taken: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

export class PersonFactory {
  /** Mobile and ID numbers handed out so far (residents draw from the same pools, so all stay unique). */
  readonly phones = new Set<string>();
  readonly ids = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly now: number,
  ) {}

  create(spec: PersonSpec): PersonDraft {
    const { rng } = this;
    const gender: Gender = rng.chance(spec.female ?? 0.5) ? 'female' : 'male';
    const given = givenName(rng, gender);
    const name = pickSurname(rng) + given;
    const partyMember = spec.origin === 'party_member' || rng.chance(spec.party);
    const employer = spec.origin === 'cadre' || spec.origin === 'party_member' ? rng.pick(EMPLOYERS) : null;
    return { name, gender, phone: this.phone(), idNumber: this.idNumber(gender, spec.age), partyMember, origin: spec.origin, employer };
  }

  private phone(): string {
    return uniquePhone(this.rng, this.phones);
  }

  private idNumber(gender: Gender, [minAge, maxAge]: [number, number]): string {
    for (;;) {
      const ageDays = this.rng.int(minAge * 365 + 1, maxAge * 365 + 364);
      const birth = new Date(Math.floor((this.now - ageDays * DAY) / DAY) * DAY);
      let sequence = this.rng.int(0, 998);
      if ((sequence % 2 === 1) !== (gender === 'male')) sequence++;
      const id = makeIdNumber(REGION, birth, sequence);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }
}
