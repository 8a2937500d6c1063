import { afterAll, describe, expect, it } from 'vitest';
import { people, safeCompounds, statusDefinitions } from '../../../db/schema';
import { UUID_RE } from '../../../db/sync/ids';
import { cachedStatement } from '../../../db/sync/statements';
import { increment, insertRow, tombstoneRow, updateDerived, updateRow } from '../../../db/sync/write';
import { insertMiniTerritory } from '../helpers/territory';
import { openSyncBench, person } from './fixture';

const b = openSyncBench();
afterAll(() => b.opened.close());

const row = (table: string, id: string) => b.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;

describe('insertRow', () => {
  it('stamps a new UUIDv7 id, the clock, this node and deleted = 0, and stores values as the schema maps them', () => {
    b.wall.now += 1000;
    const { id, hlc } = insertRow(b, people, { ...person('林晓燕'), partyMember: true, employer: null });
    expect(id).toMatch(UUID_RE);
    expect(hlc).toBe(`00${b.wall.now}:00000:${b.nodeId}`);
    expect(row('people', id)).toMatchObject({ id, hlc, origin: b.nodeId, deleted: 0, name: '林晓燕', party_member: 1, employer: null });

    const t = insertMiniTerritory(b.sqlite, 1);
    const safe = insertRow(b, safeCompounds, { compoundId: t.compound, grantedAt: 5, criteria: ['无疫情', '自治组织健全'], grantedBy: '街道' });
    expect(row('safe_compounds', safe.id)).toMatchObject({ criteria: '["无疫情","自治组织健全"]', note: null, revoked_at: null });
  });

  it('takes a given id and stamp, or a clock function', () => {
    const given = insertRow(b, people, person('甲'), { id: '01900000-0000-7000-8000-0000000000a1', hlc: '001790000000000:00007:elsewhere' });
    expect(row('people', given.id)).toMatchObject({ hlc: '001790000000000:00007:elsewhere', origin: b.nodeId });
    const ticked = insertRow(b, people, person('乙'), { hlc: () => '001790000000000:00008:x' });
    expect(ticked.hlc).toBe('001790000000000:00008:x');
  });

  it('refuses a column the table does not have, writing nothing', () => {
    const before = b.sqlite.prepare('SELECT count(*) FROM people').pluck().get();
    expect(() => insertRow(b, people, { ...person('丙'), nickname: 'x' } as never)).toThrow(/people 没有可写的列「nickname」/);
    expect(() => insertRow(b, people, { ...person('丙'), hlc: 'x' } as never)).toThrow(/没有可写的列「hlc」/);
    expect(b.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(before);
  });
});

describe('updateRow and tombstoneRow', () => {
  it('change only the given columns and restamp hlc and origin, later than before', () => {
    const { id, hlc } = insertRow(b, people, { ...person('周建国'), employer: '区卫健局' }, { hlc: '000000000000001:00000:other' });
    b.sqlite.prepare(`UPDATE people SET origin = 'other' WHERE id = ?`).run(id);
    const next = updateRow(b, people, id, { phone: '13900000000', employer: undefined });
    expect(next > hlc).toBe(true);
    expect(row('people', id)).toMatchObject({ phone: '13900000000', employer: '区卫健局', name: '周建国', hlc: next, origin: b.nodeId, deleted: 0 });
    const gone = tombstoneRow(b, people, id);
    expect(gone > next).toBe(true);
    expect(row('people', id)).toMatchObject({ deleted: 1, hlc: gone, origin: b.nodeId, phone: '13900000000' });
  });

  it('add to a number column in place and map booleans', () => {
    const { id } = insertRow(b, statusDefinitions, { key: 'watch', label: '观察', labelEn: 'Watch', color: '#123456', rank: 5 });
    updateRow(b, statusDefinitions, id, { rank: increment(3), retired: true });
    updateRow(b, statusDefinitions, id, { rank: increment(-1) });
    expect(row('status_definitions', id)).toMatchObject({ rank: 7, retired: 1 });
  });

  it('refuse a row that does not exist', () => {
    expect(() => updateRow(b, people, '01900000-0000-7000-8000-00000000dead', { name: 'x' })).toThrow(/people 中找不到要修改的记录/);
    expect(() => tombstoneRow(b, people, '01900000-0000-7000-8000-00000000dead')).toThrow(/找不到要修改的记录/);
  });

  it('run inside the caller’s transaction: a rollback takes them back', () => {
    const { id, hlc } = insertRow(b, people, person('吴桂兰'));
    const count = b.sqlite.prepare('SELECT count(*) FROM people').pluck().get();
    expect(() =>
      b.sqlite.transaction(() => {
        insertRow(b, people, person('回滚'));
        updateRow(b, people, id, { name: '改名' });
        throw new Error('stop');
      })(),
    ).toThrow('stop');
    expect(b.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(count);
    expect(row('people', id)).toMatchObject({ name: '吴桂兰', hlc });
  });
});

describe('updateDerived', () => {
  it('changes derived columns without restamping', () => {
    const { id, hlc } = insertRow(b, statusDefinitions, { key: 'derived', label: '派生', labelEn: 'Derived', color: '#654321', rank: 9 });
    updateDerived(b.sqlite, statusDefinitions, id, { rank: increment(2), color: '#000000' });
    expect(row('status_definitions', id)).toMatchObject({ rank: 11, color: '#000000', hlc, origin: b.nodeId });
  });
});

describe('cachedStatement', () => {
  it('prepares a statement once per connection', () => {
    const sql = 'SELECT count(*) FROM people';
    expect(cachedStatement(b.sqlite, sql)).toBe(cachedStatement(b.sqlite, sql));
    const other = openSyncBench();
    expect(cachedStatement(other.sqlite, sql)).not.toBe(cachedStatement(b.sqlite, sql));
    other.opened.close();
  });
});
