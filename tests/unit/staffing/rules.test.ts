import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../maps/random';
import { checkRules, DEFAULT_RULES, missingSkills, outsideAvailability, overlapping, shortRest, weekOverLimit, type Candidate } from '../../../db/staffing/rules';
import { addDays, isNight, shiftTimes, weekStart, weekdayOf, dayStart } from '../../../db/staffing/time';

const H = 3_600_000;
const span = (from: number, hours: number) => ({ startsAt: from * H, endsAt: (from + hours) * H });

describe('no overlapping shifts for one person', () => {
  it('finds a shift that overlaps and lets touching shifts be', () => {
    expect(overlapping(span(10, 8), [span(14, 8)])).toEqual(span(14, 8));
    expect(overlapping(span(10, 8), [span(2, 8)])).toBeNull();
    expect(overlapping(span(10, 8), [span(18, 8)])).toBeNull();
  });
  it('is symmetric', () => {
    const rng = createRandom(11);
    for (let i = 0; i < 500; i++) {
      const [a, la, b, lb] = [rng.int(0, 200), rng.int(1, 24), rng.int(0, 200), rng.int(1, 24)];
      expect(overlapping(span(a, la), [span(b, lb)]) === null).toBe(overlapping(span(b, lb), [span(a, la)]) === null);
    }
  });
});

describe('minimum rest between shifts', () => {
  it('reports the shortest rest below the minimum, before or after', () => {
    expect(shortRest(span(23, 8), [span(15, 8)], 8 * H)).toBe(0);
    expect(shortRest(span(7, 8), [span(19, 8)], 8 * H)).toBe(4 * H);
    expect(shortRest(span(7, 8), [span(23, 8)], 8 * H)).toBeNull();
    expect(shortRest(span(31, 8), [span(15, 8)], 8 * H)).toBeNull();
  });
});

describe('maximum hours in a week', () => {
  it('counts the new shift with the others', () => {
    const five = [0, 1, 2, 3, 4, 5].map((d) => span(d * 24 + 7, 8));
    expect(weekOverLimit(span(6 * 24 + 7, 8), five.slice(0, 5), 48 * H)).toBeNull();
    expect(weekOverLimit(span(6 * 24 + 7, 8), five, 48 * H)).toBe(56 * H);
  });
});

describe('required skills and declared availability', () => {
  it('lists the skills missing', () => {
    expect(missingSkills(['医护', '驾驶'], ['驾驶'])).toEqual(['医护']);
    expect(missingSkills([], [])).toEqual([]);
  });
  it('checks every hour of the shift, across midnight into the next day', () => {
    const nights = [0, 0, 0, 0, 0, 0, 0].map(() => (1 << 23) | 0x7f);
    expect(outsideAvailability(nights, 0, 23 * 60, 480)).toBe(false);
    const mondayOnlyLate = [1 << 23, 0, 0, 0, 0, 0, 0];
    expect(outsideAvailability(mondayOnlyLate, 0, 23 * 60, 480)).toBe(true);
    expect(outsideAvailability(null, 3, 0, 1440)).toBe(false);
    const sundayNight = [0x7f, 0, 0, 0, 0, 0, 1 << 23];
    expect(outsideAvailability(sundayNight, 6, 23 * 60, 480)).toBe(false);
  });
});

describe('checkRules', () => {
  const base = (others: Candidate['others'], extra: Partial<Candidate> = {}): Candidate => ({
    shift: { ...span(23, 8), weekday: 0, startMinute: 23 * 60, minutes: 480 },
    postSkills: [],
    person: { skills: [], availability: null },
    others,
    week: { from: 0, to: 7 * 24 * H },
    ...extra,
  });
  it('passes a shift that breaks nothing', () => {
    expect(checkRules(base([span(7, 8)]))).toEqual([]);
  });
  it('names each rule broken, in order, with its figures', () => {
    const c = base([span(15, 8), span(26, 4)], { postSkills: ['医护'], person: { skills: [], availability: [0, 0, 0, 0, 0, 0, 0] } });
    const got = checkRules(c, DEFAULT_RULES);
    expect(got.map((w) => w.rule)).toEqual(['overlap', 'rest', 'skills', 'availability']);
    expect(got[1]!.params).toEqual({ hours: 0, min: 8 });
    expect(got[2]!.params).toEqual({ skills: '医护' });
  });
});

describe('local days and shifts', () => {
  it('a night shift belongs to the day it starts and ends the next morning', () => {
    const { startsAt, endsAt } = shiftTimes('2026-12-01', 23 * 60, 480);
    expect(endsAt - startsAt).toBe(8 * H);
    expect(new Date(endsAt).getDate()).toBe(2);
    expect(isNight(23 * 60, 480)).toBe(true);
    expect(isNight(7 * 60, 480)).toBe(false);
  });
  it('weeks start on Monday', () => {
    expect(weekStart('2026-12-03')).toBe('2026-11-30');
    expect(weekdayOf('2026-12-06')).toBe(6);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayStart('2026-02-30')).toBeNull();
  });
});
