import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../db/seed';
import { STAFFING_SIZES } from '../../../db/seed/staffing';
import { overlapping, shortRest, DEFAULT_RULES } from '../../../db/staffing/rules';
import { tempDatabase } from './helpers';

const NOW = Date.UTC(2022, 3, 15, 8, 0, 0);

describe('demo staffing (small preset)', () => {
  const db = tempDatabase();
  const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).pluck().get(...params) as T;
  beforeAll(() => void seedDatabase(db.sqlite, { preset: 'small', seed: 42, now: NOW }));
  afterAll(() => db.dispose());

  it('spreads the preset’s posts over every community, each with its shifts and a place on the map', () => {
    expect(one<number>('SELECT count(*) FROM duty_posts')).toBe(STAFFING_SIZES.small.posts);
    expect(one<number>('SELECT count(DISTINCT community_id) FROM duty_posts')).toBe(one<number>('SELECT count(*) FROM communities'));
    expect(one<number>('SELECT count(*) FROM duty_posts WHERE geometry IS NULL')).toBe(0);
    expect(one<number>(`SELECT count(*) FROM duty_posts p WHERE (SELECT count(*) FROM shift_templates t WHERE t.post_id = p.id) < 2`)).toBe(0);
  });

  it('people of several origins declare skills and weekly availability on their own record', () => {
    const origins = all<{ source: string }>('SELECT DISTINCT source FROM people WHERE availability IS NOT NULL').map((r) => r.source);
    expect(origins.length).toBeGreaterThanOrEqual(5);
    expect(one<number>(`SELECT count(*) FROM people WHERE skills LIKE '%医护%'`)).toBeGreaterThan(0);
  });

  it('covers the days around now, with gaps, over-staffing and some no-shows in the past only', () => {
    const { from, to } = db.sqlite.prepare('SELECT min(starts_at) AS "from", max(starts_at) AS "to" FROM shift_assignments').get() as { from: number; to: number };
    expect(from).toBeLessThan(NOW - 6 * 86_400_000);
    expect(to).toBeGreaterThan(NOW + 5 * 86_400_000);
    expect(one<number>('SELECT count(*) FROM shift_assignments WHERE no_show = 1')).toBeGreaterThan(0);
    expect(one<number>('SELECT count(*) FROM shift_assignments WHERE no_show = 1 AND starts_at > ?', NOW)).toBe(0);
    expect(one<number>('SELECT count(*) FROM shift_assignments WHERE signed_out_at IS NOT NULL AND ends_at > ?', NOW)).toBe(0);
    const cells = all<{ n: number; need: number }>(
      `SELECT count(*) AS n, p.staff_needed AS need FROM shift_assignments a JOIN duty_posts p ON p.id = a.post_id GROUP BY a.template_id, a.date`,
    );
    expect(cells.some((c) => c.n < c.need)).toBe(true);
    expect(cells.some((c) => c.n > c.need)).toBe(true);
  });

  it('keeps every person’s shifts apart and rested', () => {
    const rows = all<{ person_id: string; startsAt: number; endsAt: number }>('SELECT person_id, starts_at AS startsAt, ends_at AS endsAt FROM shift_assignments ORDER BY person_id, starts_at');
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (a.person_id !== b.person_id) continue;
      expect(overlapping(b, [a])).toBeNull();
      expect(shortRest(b, [a], DEFAULT_RULES.minRestMs)).toBeNull();
    }
  });

  it('leaves handover notes on recent shifts of some posts, written after each shift began by someone of its team', () => {
    const notes = all<{ post_id: string; template_id: string; date: string; shift_starts_at: number; happened: string; author_name: string; written_at: number }>(
      'SELECT post_id, template_id, date, shift_starts_at, happened, author_name, written_at FROM shift_handovers',
    );
    const posts = new Set(notes.map((n) => n.post_id));
    expect(posts.size).toBeGreaterThanOrEqual(3);
    expect(posts.size).toBeLessThan(STAFFING_SIZES.small.posts);
    for (const n of notes) {
      expect(n.shift_starts_at).toBeLessThanOrEqual(NOW);
      expect(n.shift_starts_at).toBeGreaterThan(NOW - 5 * 86_400_000);
      expect(n.written_at).toBeGreaterThanOrEqual(n.shift_starts_at);
      expect(n.written_at).toBeLessThanOrEqual(NOW);
      expect(n.happened.length).toBeGreaterThan(4);
      const team = one<number>('SELECT count(*) FROM shift_assignments a JOIN people pe ON pe.id = a.person_id WHERE a.template_id = ? AND pe.name = ?', n.template_id, n.author_name);
      expect(team).toBeGreaterThan(0);
    }
    // The shift after a noted one is handed it: the latest note of a shift begun in the 24 h before.
    expect(notes.some((n) => n.shift_starts_at > NOW - 86_400_000)).toBe(true);
  });
});
