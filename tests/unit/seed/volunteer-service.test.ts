import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../db/seed';
import { activeVolunteerIds } from '../../../db/service-hours/totals';
import { tempDatabase } from './helpers';

const NOW = new Date(2026, 11, 20, 9).getTime();

describe('demo volunteer teams, hours and recognition (small preset)', () => {
  const db = tempDatabase();
  const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).pluck().get(...params) as T;
  beforeAll(() => void seedDatabase(db.sqlite, { preset: 'small', seed: 7, now: NOW }));
  afterAll(() => db.dispose());

  it('puts every volunteer in exactly one team, with teams in every community and a shock-team chain', () => {
    const volunteers = one<number>(`SELECT count(*) FROM people WHERE source = 'volunteer'`);
    expect(volunteers).toBeGreaterThan(10);
    expect(one<number>(`SELECT count(DISTINCT person_id) FROM team_members m JOIN people p ON p.id = m.person_id WHERE p.source = 'volunteer'`)).toBe(volunteers);
    expect(one<number>('SELECT count(*) FROM (SELECT person_id FROM team_members GROUP BY person_id HAVING count(*) > 1)')).toBe(0);
    expect(one<number>(`SELECT count(DISTINCT community_id) FROM volunteer_teams`)).toBe(one<number>('SELECT count(*) FROM communities'));
    expect(one<number>(`SELECT count(*) FROM volunteer_teams WHERE level = 'street'`)).toBe(1);
    expect(one<number>(`SELECT count(*) FROM volunteer_teams c JOIN volunteer_teams s ON s.id = c.parent_id WHERE c.level = 'community' AND s.level = 'street'`)).toBeGreaterThan(0);
    expect(one<number>(`SELECT count(*) FROM volunteer_teams p JOIN volunteer_teams c ON c.id = p.parent_id WHERE p.level = 'post' AND c.level = 'community' AND p.post_id IS NOT NULL`)).toBeGreaterThan(0);
  });

  it('writes three months of manual hours, none in the future, and some volunteers are active', () => {
    expect(db.sqlite.prepare(`SELECT DISTINCT substr(date, 1, 7) FROM service_hours ORDER BY 1`).pluck().all()).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(one<number>(`SELECT count(*) FROM service_hours WHERE date > '2026-12-20'`)).toBe(0);
    expect(activeVolunteerIds(db.sqlite, '2026-11').size).toBeGreaterThan(0);
  });

  it('keeps last month’s recognition results: three nominees per title, the most voted elected', () => {
    const rows = db.sqlite.prepare(`SELECT title, votes, elected, closed_at FROM recognition_nominations WHERE month = '2026-11'`).all() as { title: string; votes: number; elected: number; closed_at: number }[];
    expect(rows).toHaveLength(6);
    for (const title of ['volunteer', 'building_head']) {
      const of = rows.filter((r) => r.title === title);
      const top = Math.max(...of.map((r) => r.votes));
      expect(of.filter((r) => r.elected === 1).every((r) => r.votes === top)).toBe(true);
      expect(of.every((r) => r.closed_at !== null)).toBe(true);
    }
  });
});
