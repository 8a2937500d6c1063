import { afterAll, describe, expect, it } from 'vitest';
import { people } from '../../../db/schema';
import { changesSince, type ChangeCursor } from '../../../db/sync/changes';
import { insertRow, tombstoneRow, updateRow } from '../../../db/sync/write';
import { openSyncBench, person } from './fixture';

const b = openSyncBench();
afterAll(() => b.opened.close());

/** Every page from `since` on, `limit` rows at a time. */
function allPages(table: 'people' | 'status_definitions', since: string | null, limit: number) {
  const pages: Record<string, unknown>[][] = [];
  let cursor: string | ChangeCursor | null = since;
  for (;;) {
    const page = changesSince(b.sqlite, table, cursor, { limit });
    if (page.rows.length > 0) pages.push(page.rows);
    if (!page.next) return pages;
    cursor = page.next;
  }
}

describe('changesSince', () => {
  const start = b.clock.tick();
  const a = insertRow(b, people, person('甲'));
  const c = insertRow(b, people, person('乙'));
  const d = insertRow(b, people, person('丙'));
  const aUpdated = updateRow(b, people, a.id, { phone: '13911111111' });
  const cGone = tombstoneRow(b, people, c.id);

  it('returns inserts, updates and tombstones in stamp order, each row once as it is now', () => {
    const { rows, next } = changesSince(b.sqlite, 'people', start);
    expect(rows.map((r) => [r.id, r.hlc, r.deleted])).toEqual([
      [d.id, d.hlc, 0],
      [a.id, aUpdated, 0],
      [c.id, cGone, 1],
    ]);
    expect(rows[1]).toMatchObject({ name: '甲', phone: '13911111111', origin: b.nodeId, gender: 'female', source: 'resident', party_member: 0 });
    expect(next).toBeNull();
  });

  it('leaves out what is not newer than the clock value', () => {
    expect(changesSince(b.sqlite, 'people', d.hlc).rows.map((r) => r.id)).toEqual([a.id, c.id]);
    expect(changesSince(b.sqlite, 'people', cGone).rows).toEqual([]);
    expect(changesSince(b.sqlite, 'people', null).rows.map((r) => r.id)).toEqual([d.id, a.id, c.id]);
  });

  it('a row updated twice appears once, with its latest stamp', () => {
    const e = insertRow(b, people, person('丁'));
    const since = b.clock.tick();
    updateRow(b, people, e.id, { name: '丁一' });
    const last = updateRow(b, people, e.id, { name: '丁二' });
    expect(changesSince(b.sqlite, 'people', since).rows).toEqual([expect.objectContaining({ id: e.id, hlc: last, name: '丁二' })]);
  });

  it('pages by (hlc, id): each row exactly once, also when rows share a stamp', () => {
    // The four built-in statuses share one stamp; a limit of 3 splits them across pages.
    const builtIn = allPages('status_definitions', null, 3);
    expect(builtIn.map((p) => p.length)).toEqual([3, 1]);
    expect(new Set(builtIn.flat().map((r) => r.hlc))).toEqual(new Set(['000000000000000:00000:builtin']));
    expect(builtIn.flat().map((r) => r.key)).toEqual(['sealed', 'controlled', 'precaution', 'normal']);

    const since = b.clock.tick();
    const shared = b.clock.tick();
    const ids = Array.from({ length: 23 }, (_, i) => insertRow(b, people, person(`居民${i}`), i % 4 === 0 ? { hlc: shared } : {}).id);
    const pages = allPages('people', since, 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const seen = pages.flat().map((r) => r.id as string);
    expect(seen.length).toBe(23);
    expect(new Set(seen)).toEqual(new Set(ids));
    const order = pages.flat().map((r) => `${r.hlc as string} ${r.id as string}`);
    expect(order).toEqual([...order].sort());
  });

  it('refuses a limit that is not a positive whole number, and a table that does not travel', () => {
    expect(() => changesSince(b.sqlite, 'people', null, { limit: 0 })).toThrow(/每页条数须为正整数/);
    expect(() => changesSince(b.sqlite, 'people', null, { limit: 2.5 })).toThrow(/每页条数须为正整数/);
    expect(() => changesSince(b.sqlite, 'accounts' as never, null)).toThrow(/「accounts」不是在街道办之间同步的表/);
  });
});
