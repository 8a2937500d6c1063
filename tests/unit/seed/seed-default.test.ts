import { describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../db/seed';
import { tempDatabase } from './helpers';

describe('seedDatabase (default preset)', () => {
  it('creates about 12 communities, 150 grids, 3,000 buildings and 80,000 residents', () => {
    const db = tempDatabase();
    try {
      const s = seedDatabase(db.sqlite, { preset: 'default', seed: 2022, now: Date.UTC(2022, 3, 15) });
      expect(s).toMatchObject({ communities: 12, grids: 150, buildings: 3_000 });
      expect(s.zones).toBeGreaterThanOrEqual(36);
      expect(s.zones).toBeLessThanOrEqual(60);
      expect(s.residents).toBeGreaterThan(70_000);
      expect(s.residents).toBeLessThan(95_000);
      const names = db.sqlite.prepare('SELECT name FROM communities').all() as { name: string }[];
      expect(new Set(names.map((n) => n.name)).size).toBe(12);
      for (const n of names) expect(n.name).toMatch(/社区$/);
      const sealed = db.sqlite.prepare(`SELECT count(DISTINCT compound_id) n FROM buildings WHERE status = 'sealed'`).get() as { n: number };
      expect(sealed.n).toBeGreaterThanOrEqual(1);
      expect(sealed.n).toBeLessThanOrEqual(2);
    } finally {
      db.dispose();
    }
  });
});
