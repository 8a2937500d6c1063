import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '../../../db/bundles/exchange';
import { openBundle } from '../../../db/bundles/open';
import { selfParty } from '../../../db/bundles/office';
import { trustedPartners } from '../../../db/bundles/trust-list';
import { uuidv7 } from '../../../db/sync/ids';
import { travellingTables } from '../../../db/sync/registry';
import { parseCliScope } from '../../../electron/cli/bundle-scope';
import { bundleMethods } from '../../../electron/api/bundles';
import { BUNDLE_KINDS, bundleKinds } from '../../../messages/bundle-kinds';
import { openOffice, openSeededOffice, partnerId, trustEachOther, type TestOffice } from './offices';

const opened: TestOffice[] = [];
afterAll(() => opened.forEach((o) => o.close()));

const ids = (o: TestOffice, sql: string) => new Set(o.sqlite.prepare<[], { id: string }>(sql).all().map((r) => r.id));

describe('record kinds', () => {
  it('put every travelling table in exactly one kind, and name no other table', () => {
    const listed = bundleKinds.flatMap((k) => [...BUNDLE_KINDS[k].tables] as string[]);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(travellingTables.map((t) => t.name).sort());
  });

  it('are refused by the contract when unknown, naming the field', () => {
    const parsed = bundleMethods['bundles.export'].input.safeParse({ partnerIds: [uuidv7()], scope: 'all', kinds: ['residents', 'pets'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain('记录类别（kinds）');
  });

  describe('a bundle of one kind', () => {
    let office: TestOffice;
    beforeAll(() => {
      office = openSeededOffice();
      opened.push(office);
    }, 120_000);

    it('holds only that kind’s tables and the rows they need, and imports on its own', async () => {
      const to = openOffice('320100', '南京市');
      opened.push(to);
      trustEachOther([office, to]);
      const built = await exportBundle(office, { partnerIds: [partnerId(office, to)], scope: 'all', kinds: ['residents'] });
      const b = await openBundle(built.bytes, { identity: to.identity, trusted: trustedPartners(to.sqlite), selfCard: selfParty(to.sqlite, to.nodeId, to.identity) });
      expect(b.manifest.scope).toEqual({ kind: 'all', kinds: ['residents'] });
      const carried = (t: string) => new Set((b.tables.get(t as never) ?? []).map((r) => r.values.id as string));

      // All of the kind's own rows.
      expect(carried('residents')).toEqual(ids(office, 'SELECT id FROM residents'));
      expect(carried('residents').size).toBeGreaterThan(0);
      expect(carried('households')).toEqual(ids(office, 'SELECT id FROM households'));
      // What they need, and no more: only the buildings with households or residents.
      const needed = ids(office, 'SELECT building_id AS id FROM households UNION SELECT building_id FROM residents WHERE building_id IS NOT NULL');
      expect(carried('buildings')).toEqual(needed);
      // Tables of other kinds that residents do not point at are absent.
      const present = new Set(b.tables.keys() as Iterable<string>);
      for (const t of ['people', 'screening_rounds', 'screening_visits', 'volunteer_profiles', 'shift_assignments', 'building_status_history', 'requests']) {
        expect(present.has(t), t).toBe(false);
      }
      const allowed = new Set<string>([...BUNDLE_KINDS.residents.tables, ...BUNDLE_KINDS.territory.tables, 'buildings', 'units']);
      expect([...present].filter((t) => !allowed.has(t))).toEqual([]);

      const done = await importBundle(to, built.bytes);
      expect(done.rejected).toEqual([]);
      expect(ids(to, 'SELECT id FROM residents')).toEqual(ids(office, 'SELECT id FROM residents'));
      expect(to.sqlite.prepare('SELECT count(*) AS n FROM screening_visits').get()).toEqual({ n: 0 });
    });

    it('a kind inside an area takes the kind’s rows of that area only', async () => {
      const to = openOffice('320101', '玄武区');
      opened.push(to);
      trustEachOther([office, to]);
      const chosen = office.sqlite.prepare<[], { id: string }>('SELECT id FROM communities ORDER BY code LIMIT 1').get()!.id;
      const built = await exportBundle(office, { partnerIds: [partnerId(office, to)], scope: 'all', communityIds: [chosen], kinds: ['territory'] });
      const b = await openBundle(built.bytes, { identity: to.identity, trusted: trustedPartners(to.sqlite), selfCard: selfParty(to.sqlite, to.nodeId, to.identity) });
      expect([...b.tables.keys()].every((t) => (BUNDLE_KINDS.territory.tables as readonly string[]).includes(t))).toBe(true);
      expect(new Set(b.tables.get('communities' as never)!.map((r) => r.values.id))).toEqual(new Set([chosen]));
    });
  });

  it('are read from the CLI by key or Chinese name, and an unknown one is refused naming it', () => {
    const o = openOffice('320102');
    opened.push(o);
    expect(parseCliScope(o.sqlite, 'all,kinds=territory+居民与住户').kinds).toEqual(['territory', 'residents']);
    expect(() => parseCliScope(o.sqlite, 'kinds=pets')).toThrow(/记录类别「pets」不存在/);
  });
});
