/**
 * 入户摸排 rounds over the whole street: every household visited by its grid's workers, the
 * earlier rounds closed (a few refused, absent households revisited up to three times), the
 * latest one under way.
 */
import type { Random } from '../../maps/random';
import { screeningRounds } from '../schema';
import type { HouseholdIndex } from './residents';
import type { SeedWriter } from './writer';
import { VISIT_NEEDS, VISIT_NOTES } from './texts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ScreeningCounts {
  rounds: number;
  visits: number;
}

export function writeScreening(
  index: HouseholdIndex,
  writer: SeedWriter,
  rng: Random,
  now: number,
  rounds: number,
  operators: string[],
  progress: (done: number, total: number) => void,
): ScreeningCounts {
  const total = index.ids.length;
  const starts: number[] = new Array<number>(rounds);
  starts[rounds - 1] = now - rng.int(2, 4) * DAY - rng.int(0, 10) * HOUR;
  for (let r = rounds - 2; r >= 0; r--) starts[r] = starts[r + 1]! - rng.int(6, 8) * DAY;
  let visits = 0;

  for (let r = 0; r < rounds; r++) {
    const start = starts[r]!;
    const open = r === rounds - 1;
    const closedAt = open ? null : starts[r + 1]! - rng.int(6, 20) * HOUR;
    const end = closedAt ?? now;
    const span = end - start;
    const roundId = writer.insert('screening_rounds', [r + 1, `第${r + 1}轮入户摸排`, 'street', '[]', start, rng.pick(operators), closedAt, total, 0, 0, 0]);
    const gridProgress = new Map<string, number>();
    const tally = { visited: 0, nobody_home: 0, refused: 0 };
    const at = (offset: number) => Math.min(end - 10 * MINUTE, Math.floor(start + offset));

    for (let h = 0; h < total; h++) {
      const gridId = index.gridIds[h]!;
      const workers = index.workers[h]!;
      let result: 'pending' | 'visited' | 'nobody_home' | 'refused';
      let attempts: number;
      if (open) {
        let p = gridProgress.get(gridId);
        if (p === undefined) gridProgress.set(gridId, (p = rng.range(0.5, 0.8)));
        const roll = rng.next();
        if (roll < p) {
          result = roll < p * 0.015 ? 'refused' : 'visited';
          attempts = result === 'refused' ? 1 : rng.weighted([1, 2], [0.92, 0.08]);
        } else if (rng.chance(0.25)) {
          result = 'nobody_home';
          attempts = rng.chance(0.8) ? 1 : 2;
        } else {
          result = 'pending';
          attempts = 0;
        }
      } else {
        const roll = rng.next();
        if (roll < 0.008) [result, attempts] = ['refused', 1];
        else if (roll < 0.02) [result, attempts] = ['nobody_home', 3];
        else [result, attempts] = ['visited', roll < 0.9 ? 1 : roll < 0.97 ? 2 : 3];
      }

      let visitedAt: number | null = null;
      let visitedBy: string | null = null;
      let returnee = 0;
      let symptoms = 0;
      let needs: string | null = null;
      let note: string | null = null;
      if (attempts > 0) {
        let t = start + rng.next() * span * (open ? 0.6 : 0.5);
        for (let a = 1; a < attempts; a++) t += rng.range(0.3, 1.2) * DAY * (open ? 0.3 : 1);
        visitedAt = at(t);
        visitedBy = workers.length ? workers[Math.floor(rng.next() * workers.length)]! : null;
        if (result === 'visited') {
          const since = index.returneeSince[h]!;
          returnee = since > 0 && since <= visitedAt ? 1 : 0;
          symptoms = rng.chance(0.001) ? 1 : 0;
          if (rng.chance(0.008)) needs = rng.pick(VISIT_NEEDS);
          note = symptoms ? VISIT_NOTES.symptoms : returnee ? VISIT_NOTES.returnee : attempts > 1 ? VISIT_NOTES.revisited : null;
        } else note = result === 'refused' ? VISIT_NOTES.refused : attempts >= 2 ? VISIT_NOTES.nobodyHome : null;
      }
      if (result !== 'pending') tally[result]++;
      writer.insert('screening_visits', [roundId, index.ids[h]!, index.buildingIds[h]!, gridId, result, attempts, visitedAt, visitedBy, returnee, symptoms, needs, note]);
      visits++;
      if (visits % 20_000 === 0) progress(visits, total * rounds);
    }
    writer.update(screeningRounds, roundId, { visitedCount: tally.visited, nobodyHomeCount: tally.nobody_home, refusedCount: tally.refused });
  }
  progress(visits, total * rounds);
  return { rounds, visits };
}
