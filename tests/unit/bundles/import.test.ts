import { afterAll, describe, expect, it } from 'vitest';
import { openConflicts, resolveConflict } from '../../../db/bundles/conflicts';
import { exportBundle, importBundle, previewBundle } from '../../../db/bundles/exchange';
import { people } from '../../../db/schema';
import { insertRow, tombstoneRow, updateRow } from '../../../db/sync/write';
import { person } from '../sync/fixture';
import { dump, openOffice, partnerId, trustEachOther, type TestOffice } from './offices';

const offices: TestOffice[] = [];
afterAll(() => offices.forEach((o) => o.close()));

function pair() {
  const a = openOffice(`32010200${offices.length + 1}`, '中山路街道');
  const b = openOffice(`32010200${offices.length + 2}`, '玄武门街道');
  offices.push(a, b);
  trustEachOther([a, b]);
  return { a, b };
}

const send = async (from: TestOffice, to: TestOffice, scope: 'all' | 'sinceLast' = 'sinceLast') =>
  (await exportBundle(from, { partnerIds: [partnerId(from, to)], scope })).bytes;

const peopleOf = (o: TestOffice) => o.sqlite.prepare('SELECT id, hlc, origin, deleted, name, phone FROM people ORDER BY id').all();

describe('importing a bundle', () => {
  it('dry run counts what would be created and changes nothing; the import then creates it, and again changes nothing', async () => {
    const { a, b } = pair();
    for (const n of ['甲', '乙']) insertRow(a, people, person(n));
    const bytes = await send(a, b);
    const before = dump(b);
    const preview = await previewBundle(b, bytes);
    expect(preview.totals).toMatchObject({ create: 3, update: 0, conflict: 0 });
    expect(preview.byTable.people).toMatchObject({ create: 2 });
    expect(preview.signer.officeCode).toBe(preview.manifest.sender.officeCode);
    expect(dump(b)).toBe(before);

    const done = await importBundle(b, bytes, { fileName: 'x.gdbundle' });
    expect(done.totals.create).toBe(3);
    expect(peopleOf(b)).toEqual(peopleOf(a));
    const afterFirst = dump(b);
    const again = await importBundle(b, bytes, { allowReplay: true });
    expect(again.totals).toEqual({ create: 0, update: 0, conflict: 0, unchanged: preview.totals.unchanged + 3 });
    const data = (d: string) => d.split('\n').filter((l) => !/^(bundle_log|audit_\w+|meta):/.test(l));
    expect(data(dump(b))).toEqual(data(afterFirst));
  });

  it('an edit made after the last exchange comes over as an update in the next bundle, which carries only the change', async () => {
    const { a, b } = pair();
    const x = insertRow(a, people, person('甲'));
    insertRow(a, people, person('乙'));
    await importBundle(b, await send(a, b));
    a.wall.now += 1000;
    updateRow(a, people, x.id, { phone: '13900000001' });
    const next = await send(a, b);
    const preview = await previewBundle(b, next);
    expect(preview.manifest.scope.kind).toBe('since');
    expect(preview.totals).toEqual({ create: 0, update: 1, unchanged: 0, conflict: 0 });
    await importBundle(b, next);
    expect(peopleOf(b)).toEqual(peopleOf(a));
  });

  it('a row changed on both sides becomes a visible conflict: the greater stamp is kept, the other is waiting; "take theirs" wins on both sides', async () => {
    const { a, b } = pair();
    const x = insertRow(a, people, person('甲'));
    await importBundle(b, await send(a, b));
    a.wall.now += 1000;
    updateRow(a, people, x.id, { phone: '13900000001' });
    b.wall.now += 2000;
    updateRow(b, people, x.id, { phone: '13900000002' });

    const result = await importBundle(b, await send(a, b));
    expect(result.totals.conflict).toBe(1);
    const [c] = openConflicts(b.sqlite);
    expect(c).toMatchObject({ table: 'people', rowId: x.id, mineKept: true, fields: ['phone'] });
    expect(c!.mine.phone).toBe('13900000002');
    expect(c!.theirs.phone).toBe('13900000001');

    // b has seen both versions and decided nothing yet: a takes b's row with its joined vector.
    await importBundle(a, await send(b, a));
    expect(peopleOf(a)).toEqual(peopleOf(b));

    b.wall.now += 1000;
    resolveConflict(b, c!.id, 'theirs');
    expect(openConflicts(b.sqlite)).toEqual([]);
    await importBundle(a, await send(b, a));
    expect((a.sqlite.prepare('SELECT phone FROM people WHERE id = ?').get(x.id) as { phone: string }).phone).toBe('13900000001');
    expect(peopleOf(a)).toEqual(peopleOf(b));
  });

  it('deleted on one side and edited on the other is a conflict too', async () => {
    const { a, b } = pair();
    const x = insertRow(a, people, person('甲'));
    await importBundle(b, await send(a, b));
    a.wall.now += 1000;
    tombstoneRow(a, people, x.id);
    b.wall.now += 500;
    updateRow(b, people, x.id, { name: '甲二' });
    const result = await importBundle(b, await send(a, b));
    expect(result.totals.conflict).toBe(1);
    const [c] = openConflicts(b.sqlite);
    expect(c!.fields).toEqual(expect.arrayContaining(['deleted', 'name']));
    expect(c!.mineKept).toBe(false);
  });

  it('columns this version does not know are kept and sent on', async () => {
    const { a, b } = pair();
    const c = openOffice('320102099', '第三街道');
    offices.push(c);
    trustEachOther([b, c]);
    insertRow(a, people, person('甲'));
    const { payloadOf, seal, commentOf } = await import('./reseal');
    const original = await send(a, b, 'all');
    const files = await payloadOf(original, b.identity);
    const line = JSON.parse(files['tables/people.jsonl']!.trim());
    files['tables/people.jsonl'] = `${JSON.stringify({ ...line, nickname: '小甲' })}\n`;
    const manifest = JSON.parse(files['manifest.json']!);
    const { createHash } = await import('node:crypto');
    manifest.tables.people.sha256 = createHash('sha256').update(files['tables/people.jsonl']).digest('hex');
    files['manifest.json'] = JSON.stringify(manifest);
    await importBundle(b, await seal(files, [b.identity.ageRecipient], a.identity, commentOf(original)));
    const forwarded = await payloadOf(await send(b, c, 'all'), c.identity);
    expect(forwarded['tables/people.jsonl']).toContain('"nickname":"小甲"');
  });
});

describe('the office a database speaks for', () => {
  it('an installation with no street office of its own keeps its own code after importing a street office’s rows', async () => {
    const street = openOffice('320102055', '中山路街道');
    offices.push(street);
    const { openDatabase } = await import('../../../db/client/open');
    const { tempDir } = await import('../helpers/tmp');
    const { join } = await import('node:path');
    const { selfParty } = await import('../../../db/bundles/office');
    const opened = openDatabase({ file: join(tempDir('griddesk-city-'), 'griddesk.db') });
    const city = { ...street, sqlite: opened.sqlite, nodeId: 'citynode', identity: (await import('../../../db/bundles/identity')).officeIdentity((await import('../../../db/office-key/key')).newOfficeKey()), close: () => opened.close() };
    offices.push(city);
    expect(selfParty(city.sqlite, city.nodeId, city.identity).officeCode).toBe('citynode');
    trustEachOther([street, city]);
    await importBundle(city, await send(street, city, 'all'));
    expect(selfParty(city.sqlite, city.nodeId, city.identity)).toMatchObject({ officeCode: 'citynode', name: '未命名街道办' });
    await importBundle(street, await send(city, street, 'all'));
  });
});

describe('derived data after a merge', () => {
  it('the result counts of a round are counted again from the visits a bundle brought', async () => {
    const { a, b } = pair();
    const { insertMiniTerritory } = await import('../helpers/territory');
    const { households, screeningRounds, screeningVisits } = await import('../../../db/schema');
    const t = insertMiniTerritory(a.sqlite, 2);
    const round = insertRow(a, screeningRounds, { number: 1, name: '第1轮', scopeType: 'street', scopeIds: [], startedAt: 1, startedBy: '管理员', householdCount: 2 });
    const visits = t.buildings.map((buildingId, i) => {
      const household = insertRow(a, households, { buildingId, room: `10${i}`, registration: 'registered' });
      return insertRow(a, screeningVisits, { roundId: round.id, householdId: household.id, buildingId, gridId: t.grid }).id;
    });
    await importBundle(b, await send(a, b));
    a.wall.now += 1000;
    // Written without the visit service, so the sender's own counts stay as they were.
    updateRow(a, screeningVisits, visits[0]!, { result: 'visited' });
    updateRow(a, screeningVisits, visits[1]!, { result: 'nobody_home' });
    await importBundle(b, await send(a, b));
    const counts = (o: TestOffice) => o.sqlite.prepare('SELECT visited_count, nobody_home_count, refused_count FROM screening_rounds WHERE id = ?').get(round.id);
    expect(counts(a)).toEqual({ visited_count: 0, nobody_home_count: 0, refused_count: 0 });
    expect(counts(b)).toEqual({ visited_count: 1, nobody_home_count: 1, refused_count: 0 });
  });
});
