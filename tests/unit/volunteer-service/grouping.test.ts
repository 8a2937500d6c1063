import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primarySkills, proposeGroups, type Signup } from '../../../db/volunteer-teams/grouping';
import { ageFromId } from '../../../db/service-hours/month';

const SKILLS = ['医护', '心理', '驾驶', '电工', '外语', '法律'];

const signups = fc
  .array(
    fc.record({
      gender: fc.constantFrom<'male' | 'female'>('male', 'female'),
      age: fc.option(fc.integer({ min: 16, max: 80 }), { nil: null }),
      skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 120 },
  )
  .map((rows) => rows.map((r, i): Signup => ({ id: `p${String(i).padStart(3, '0')}`, ...r })));

describe('the grouping assistant', () => {
  it('puts everyone in exactly one team, with sizes that differ by at most one', () => {
    fc.assert(
      fc.property(signups, fc.integer({ min: 1, max: 12 }), (people, teams) => {
        const groups = proposeGroups(people, teams);
        expect(groups).toHaveLength(Math.min(teams, people.length));
        const all = groups.flat();
        expect(all.sort()).toEqual(people.map((p) => p.id).sort());
        const sizes = groups.map((g) => g.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('spreads each specialty: m holders over k teams give no team more than ⌈m/k⌉ + 1', () => {
    fc.assert(
      fc.property(signups, fc.integer({ min: 2, max: 10 }), (people, teams) => {
        const groups = proposeGroups(people, teams);
        const k = groups.length;
        const primary = primarySkills(people);
        for (const skill of SKILLS) {
          const m = people.filter((p) => primary.get(p.id) === skill).length;
          const per = groups.map((g) => g.filter((id) => primary.get(id) === skill).length);
          expect(Math.max(...per), skill).toBeLessThanOrEqual(Math.ceil(m / k) + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('balances gender when nothing else differs: the men of any two teams differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 2, max: 6 }), (n, menShare, teams) => {
        const men = Math.min(n, menShare);
        const people: Signup[] = Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, gender: i < men ? 'male' : 'female', age: 40, skills: [] }));
        const groups = proposeGroups(people, teams);
        const perTeam = groups.map((g) => g.filter((id) => Number(id.slice(1)) < men).length);
        expect(Math.max(...perTeam) - Math.min(...perTeam)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is the same for the same sign-ups, whatever their order', () => {
    fc.assert(
      fc.property(signups, fc.integer({ min: 1, max: 6 }), (people, teams) => {
        expect(proposeGroups([...people].reverse(), teams)).toEqual(proposeGroups(people, teams));
      }),
      { numRuns: 100 },
    );
  });

  it('reads the age from the birth date in an 18-digit ID number', () => {
    const at = new Date(2026, 11, 3).getTime();
    expect(ageFromId('370202198012034411', at)).toBe(46);
    expect(ageFromId('370202198012044411', at)).toBe(45);
    expect(ageFromId('12345', at)).toBeNull();
    expect(ageFromId(null, at)).toBeNull();
  });
});
