/** Unique GB 11643 ID numbers for residents, born in a given year (not after `now`), from a given division. */
import type { Random } from '../../maps/random';
import type { Gender } from '../schema';
import { idCheckCharacter } from './identity';
import { FLOATING_REGIONS } from './texts';

const DAY = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function monthDays(leap: boolean): string[] {
  const days: string[] = [];
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  lengths.forEach((n, m) => {
    for (let d = 1; d <= n; d++) days.push(pad2(m + 1) + pad2(d));
  });
  return days;
}

const COMMON = monthDays(false);
const LEAP = monthDays(true);
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export class ResidentIds {
  readonly year: number;
  private readonly dayOfYear: number;
  private readonly regions = FLOATING_REGIONS.map(([code]) => code);
  private readonly weights = FLOATING_REGIONS.map(([, w]) => w);

  constructor(
    private readonly rng: Random,
    now: number,
    private readonly taken: Set<string>,
  ) {
    const d = new Date(now);
    this.year = d.getUTCFullYear();
    this.dayOfYear = Math.floor((now - Date.UTC(this.year, 0, 1)) / DAY);
  }

  floatingRegion(): string {
    return this.rng.weighted(this.regions, this.weights);
  }

  /** An unused ID number: region, a birth date in `birthYear`, a sequence odd for men. */
  make(region: string, gender: Gender, birthYear: number): string {
    const days = isLeap(birthYear) ? LEAP : COMMON;
    const last = birthYear === this.year ? this.dayOfYear : days.length - 1;
    const prefix = region + birthYear;
    for (;;) {
      let sequence = this.rng.int(0, 998);
      if ((sequence % 2 === 1) !== (gender === 'male')) sequence++;
      const first17 = prefix + days[this.rng.int(0, last)] + (sequence < 10 ? `00${sequence}` : sequence < 100 ? `0${sequence}` : String(sequence));
      const id = first17 + idCheckCharacter(first17);
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}
