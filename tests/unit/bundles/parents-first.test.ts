import { afterAll, describe, expect, it } from 'vitest';
import { parentsFirst } from '../../../db/bundles/merge';
import { travellingTables } from '../../../db/sync/registry';
import { openOffice } from './offices';

const office = openOffice('320102001');
afterAll(() => office.close());

describe('a bundle’s tables are written parents first', () => {
  it('every travelling table comes after each travelling table its foreign keys name, whatever order they arrive in', () => {
    const names = travellingTables.map((t) => t.name);
    for (const arrival of [names, [...names].reverse()]) {
      const order = parentsFirst(office.sqlite, arrival);
      expect([...order].sort()).toEqual([...names].sort());
      for (const table of order) {
        const parents = (office.sqlite.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((f) => f.table).filter((p) => p !== table && names.includes(p as never));
        for (const parent of parents) expect(order.indexOf(parent as never), `${parent} before ${table}`).toBeLessThan(order.indexOf(table));
      }
    }
  });
});
