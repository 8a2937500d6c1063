import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '../../../db/bundles/exchange';
import { openBundle } from '../../../db/bundles/open';
import { selfParty } from '../../../db/bundles/office';
import { trustedPartners } from '../../../db/bundles/trust-list';
import { ServiceError } from '../../../db/errors';
import { people } from '../../../db/schema';
import { insertRow, updateRow } from '../../../db/sync/write';
import { parseCliScope } from '../../../electron/cli/bundle-scope';
import { person } from '../sync/fixture';
import { dump, openOffice, openSeededOffice, partnerId, trustEachOther, type TestOffice } from './offices';

const opened: TestOffice[] = [];
afterAll(() => opened.forEach((o) => o.close()));

function city(): TestOffice {
  const o = openOffice('320100', '南京市');
  opened.push(o);
  return o;
}

/** The rows of each table a bundle carries, by id. */
async function rowsIn(from: TestOffice, bytes: Uint8Array) {
  const self = selfParty(from.sqlite, from.nodeId, from.identity);
  const b = await openBundle(bytes, { identity: from.identity, trusted: trustedPartners(from.sqlite), selfCard: self });
  return { manifest: b.manifest, ids: (table: string) => new Set((b.tables.get(table as never) ?? []).map((r) => r.values.id as string)) };
}

const ids = (o: TestOffice, sql: string, ...params: string[]) => new Set(o.sqlite.prepare<string[], { id: string }>(sql).all(...params).map((r) => r.id));

describe('a bundle limited to chosen communities or grids', () => {
  let office: TestOffice;
  beforeAll(() => {
    office = openSeededOffice();
    opened.push(office);
  }, 120_000);

  it('a community-scoped bundle holds that community’s rows and the rows they need, and imports on its own', async () => {
    const to = city();
    trustEachOther([office, to]);
    const [chosen, other] = office.sqlite.prepare<[], { id: string }>('SELECT id FROM communities ORDER BY code').all();
    const built = await exportBundle(office, { partnerIds: [partnerId(office, to)], scope: 'all', communityIds: [chosen!.id] });
    const { manifest, ids: carried } = await rowsIn(office, built.bytes);
    expect(manifest.scope).toEqual({ kind: 'all', area: { communityIds: [chosen!.id], gridIds: [] } });

    expect(carried('communities')).toEqual(new Set([chosen!.id]));
    expect(carried('grids')).toEqual(ids(office, 'SELECT id FROM grids WHERE community_id = ?', chosen!.id));
    const buildings = ids(office, 'SELECT id FROM buildings WHERE community_id = ?', chosen!.id);
    expect(buildings.size).toBeGreaterThan(0);
    expect(carried('buildings')).toEqual(buildings);
    expect(carried('residents')).toEqual(ids(office, 'SELECT r.id FROM residents r JOIN buildings b ON b.id = r.building_id WHERE b.community_id = ?', chosen!.id));
    expect(carried('residents').size).toBeGreaterThan(0);
    const otherBuildings = ids(office, 'SELECT id FROM buildings WHERE community_id = ?', other!.id);
    expect([...carried('buildings')].filter((id) => otherBuildings.has(id))).toEqual([]);
    expect(carried('street_offices').size).toBe(1);

    const done = await importBundle(to, built.bytes);
    expect(done.totals.create).toBe(built.rows);
    expect(ids(to, 'SELECT DISTINCT community_id AS id FROM buildings')).toEqual(new Set([chosen!.id]));
  });

  it('a grid-scoped bundle holds that grid’s buildings and households, and its community only as their parent', async () => {
    const to = city();
    trustEachOther([office, to]);
    const grid = office.sqlite.prepare<[], { id: string; community_id: string }>('SELECT id, community_id FROM grids ORDER BY code LIMIT 1 OFFSET 3').get()!;
    const built = await exportBundle(office, { partnerIds: [partnerId(office, to)], scope: 'all', gridIds: [grid.id] });
    const { ids: carried } = await rowsIn(office, built.bytes);
    expect(carried('grids')).toEqual(new Set([grid.id]));
    expect(carried('communities')).toEqual(new Set([grid.community_id]));
    expect(carried('buildings')).toEqual(ids(office, 'SELECT id FROM buildings WHERE grid_id = ?', grid.id));
    expect(carried('households')).toEqual(ids(office, 'SELECT h.id FROM households h JOIN buildings b ON b.id = h.building_id WHERE b.grid_id = ?', grid.id));
    await importBundle(to, built.bytes);
    expect(ids(to, 'SELECT DISTINCT grid_id AS id FROM buildings')).toEqual(new Set([grid.id]));
  });

  it('the command line reads its --scope: parts by comma, communities and grids by code or name', () => {
    const c = office.sqlite.prepare<[], { id: string; code: string; name: string }>('SELECT id, code, name FROM communities ORDER BY code LIMIT 1').get()!;
    const g = office.sqlite.prepare<[], { id: string; code: string }>('SELECT id, code FROM grids ORDER BY code LIMIT 1').get()!;
    expect(parseCliScope(office.sqlite, `since=2026-11-01,community=${c.name},grid=${g.code}`)).toEqual({ scope: 'sinceDate', since: '2026-11-01', communityIds: [c.id], gridIds: [g.id] });
    expect(parseCliScope(office.sqlite, 'all')).toEqual({ scope: 'all', communityIds: [], gridIds: [] });
    expect(() => parseCliScope(office.sqlite, 'community=不存在的社区')).toThrow('--scope 中的社区「不存在的社区」不存在');
    expect(() => parseCliScope(office.sqlite, 'everything')).toThrow('「everything」无法识别');
  });

  it('an unknown community is refused, naming the field, and nothing is written', async () => {
    const to = city();
    trustEachOther([office, to]);
    const before = dump(office);
    const refusal = await exportBundle(office, { partnerIds: [partnerId(office, to)], scope: 'all', communityIds: ['no-such-community'] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect((refusal as ServiceError).field).toBe('communityIds');
    expect(dump(office)).toBe(before);
  });
});

describe('a bundle of the changes since a date', () => {
  it('holds only the rows changed from that day on, and says so in its manifest', async () => {
    const from = openOffice('320102001', '中山路街道');
    const to = city();
    opened.push(from);
    trustEachOther([from, to]);
    const old = insertRow(from, people, person('旧甲'));
    const edited = insertRow(from, people, person('旧乙'));
    const day = 24 * 3600_000;
    from.wall.now += 10 * day;
    const fresh = insertRow(from, people, person('新丙'));
    updateRow(from, people, edited.id, { phone: '13900000001' });
    const t = new Date(from.wall.now);
    const since = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;

    const built = await exportBundle(from, { partnerIds: [partnerId(from, to)], scope: 'sinceDate', since });
    const { manifest, ids: carried } = await rowsIn(from, built.bytes);
    expect(carried('people')).toEqual(new Set([fresh.id, edited.id]));
    expect(carried('people').has(old.id)).toBe(false);
    expect(carried('street_offices').size).toBe(0);
    expect(manifest.scope).toMatchObject({ kind: 'since', sinceDate: since });
  });

  it('a date that is not one is refused, naming the field', async () => {
    const from = openOffice('320102002', '玄武门街道');
    const to = city();
    opened.push(from);
    trustEachOther([from, to]);
    const refusal = await exportBundle(from, { partnerIds: [partnerId(from, to)], scope: 'sinceDate', since: '2026-02-30' }).catch((e: unknown) => e);
    expect((refusal as ServiceError).field).toBe('since');
    expect((refusal as ServiceError).message).toContain('起始日期');
  });
});
