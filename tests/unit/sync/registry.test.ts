import { afterAll, describe, expect, it } from 'vitest';
import { buildings } from '../../../db/schema';
import { SYNC_COLUMNS, travelling, travellingTables } from '../../../db/sync/registry';
import { openSyncBench } from './fixture';

const b = openSyncBench();
afterAll(() => b.opened.close());

const tablesOfFile = () => b.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
const columnsOf = (table: string) => (b.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

describe('the registry of travelling tables', () => {
  it('holds exactly the tables of the migrated file that have the sync columns, with their other columns', () => {
    const withSync = tablesOfFile().filter((t) => SYNC_COLUMNS.every((c) => columnsOf(t).includes(c)));
    expect(travellingTables.map((t) => t.name)).toEqual(withSync);
    expect(withSync).toHaveLength(32);
    expect(withSync).not.toContain('accounts');
    expect(withSync).not.toContain('audit_log');
    for (const t of travellingTables) expect([...SYNC_COLUMNS, ...t.columns].sort()).toEqual(columnsOf(t.name).sort());
  });

  it('finds each table by name or drizzle table, and refuses one that does not travel', () => {
    expect(travelling('buildings')).toBe(travelling(buildings));
    expect(travelling(buildings).columns).toContain('address_initials');
    expect(() => travelling('audit_log' as never)).toThrow('「audit_log」不是在街道办之间同步的表');
  });

  it('has an (hlc, id) index for each travelling table', () => {
    for (const { name } of travellingTables) {
      const columns = (b.sqlite.pragma(`index_info(${name}_hlc_idx)`) as { name: string }[]).map((c) => c.name);
      expect(columns, name).toEqual(['hlc', 'id']);
    }
  });
});
