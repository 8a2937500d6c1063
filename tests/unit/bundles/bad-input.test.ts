import { createHash, randomBytes } from 'node:crypto';
import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundleFile } from '../../../db/bundles/container';
import { exportBundle, importBundle, previewBundle } from '../../../db/bundles/exchange';
import { officeIdentity } from '../../../db/bundles/identity';
import { ServiceError } from '../../../db/errors';
import { newOfficeKey } from '../../../db/office-key/key';
import { communities, people } from '../../../db/schema';
import { insertRow } from '../../../db/sync/write';
import { person } from '../sync/fixture';
import { tempDir } from '../helpers/tmp';
import { addPartner } from '../../../db/bundles/trust-list';
import { cardOf, dump, openOffice, partnerId, trustEachOther } from './offices';
import { commentOf, payloadOf, seal } from './reseal';

const street = openOffice('320102001', '中山路街道');
const city = openOffice('320100', '南京市');
const district = openOffice('320102', '玄武区');
const stranger = openOffice('320999001', '外地街道');
afterAll(() => [street, city, district, stranger].forEach((o) => o.close()));

trustEachOther([street, city, district]);
addPartner(stranger.sqlite, stranger.actor, cardOf(city), stranger.identity.keyId);
for (const n of ['甲', '乙', '丙']) insertRow(street, people, person(n));
insertRow(stranger, people, person('丁'));

const bundleFor = async (to = city, from = street) => (await exportBundle(from, { partnerIds: [partnerId(from, to)], scope: 'all' })).bytes;

/** Imports into the city and expects a Chinese refusal with this message id, the city's database unchanged. */
async function refused(bytes: Uint8Array, key: string, options: { maxExpanded?: number } = {}): Promise<string> {
  const before = dump(city);
  let error: unknown = null;
  try {
    await importBundle(city, bytes, options);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ServiceError);
  const e = error as ServiceError;
  expect(e.key).toBe(key);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(dump(city)).toBe(before);
  return e.message;
}

/** The manifest's hashes made right again after the test changed a table file. */
function rehash(files: Record<string, string>): Record<string, string> {
  const manifest = JSON.parse(files['manifest.json']!);
  for (const table of Object.keys(manifest.tables)) {
    manifest.tables[table].sha256 = createHash('sha256').update(files[`tables/${table}.jsonl`]!).digest('hex');
  }
  return { ...files, 'manifest.json': JSON.stringify(manifest) };
}

/** A bundle from the street whose payload the test changed, signed again by the street. */
async function altered(change: (files: Record<string, string>) => Record<string, string>): Promise<Uint8Array> {
  const good = await bundleFor();
  return seal(change(await payloadOf(good, city.identity)), [city.identity.ageRecipient], street.identity, commentOf(good));
}

describe('a bad bundle is refused with a Chinese message and changes nothing', () => {
  it('encrypted for someone else', async () => {
    const message = await refused(await bundleFor(district), 'bundle.notForUs');
    expect(message).toContain('320102');
  });

  it('a flipped byte anywhere', async () => {
    const good = await bundleFor();
    const keys = new Set<string>();
    for (const at of [0, 3, 40, 100, 200, Math.floor(good.length / 2), good.length - 300, good.length - 30, good.length - 1]) {
      const bad = Uint8Array.from(good);
      bad[at]! ^= 0x10;
      const before = dump(city);
      await expect(importBundle(city, bad)).rejects.toBeInstanceOf(ServiceError);
      expect(dump(city)).toBe(before);
      keys.add(((await importBundle(city, bad).catch((e: ServiceError) => e)) as ServiceError).key);
    }
    expect([...keys].every((k) => ['bundle.notABundle', 'bundle.badSignature'].includes(k))).toBe(true);
  });

  it('a truncated file', async () => {
    const good = await bundleFor();
    for (const length of [1, 10, 100, Math.floor(good.length / 2), good.length - 1]) await refused(good.subarray(0, length), 'bundle.notABundle');
  });

  it('a valid signature by a key not on the trust list', async () => {
    const message = await refused(await bundleFor(city, stranger), 'bundle.untrustedSigner');
    expect(message).toContain(stranger.identity.keyId);
  });

  it('a revoked partner', async () => {
    const other = openOffice('320102077', '被吊销街道');
    trustEachOther([other, city]);
    const bytes = await bundleFor(city, other);
    const { revokePartner } = await import('../../../db/bundles/trust-list');
    revokePartner(city.sqlite, city.actor, partnerId(city, other));
    await refused(bytes, 'bundle.untrustedSigner');
    other.close();
  });

  it('a signature that does not match the manifest’s sender', async () => {
    const good = await bundleFor();
    const files = await payloadOf(good, city.identity);
    const bytes = await seal(files, [city.identity.ageRecipient], district.identity, commentOf(good));
    const message = await refused(bytes, 'bundle.signerMismatch');
    expect(message).toContain('玄武区');
    expect(message).toContain('中山路街道');
  });

  it('a replay of an older sequence number is reported; a deliberate re-import is allowed and changes no rows', async () => {
    const first = await bundleFor();
    const second = await bundleFor();
    await importBundle(city, second);
    const message = await refused(first, 'bundle.replay');
    expect(message).toMatch(/第 \d+ 号/);
    const rows = JSON.stringify(city.sqlite.prepare('SELECT * FROM people ORDER BY id').all());
    const again = await importBundle(city, first, { allowReplay: true });
    expect(again.replayOf).not.toBeNull();
    expect(again.totals.create + again.totals.update + again.totals.conflict).toBe(0);
    expect(JSON.stringify(city.sqlite.prepare('SELECT * FROM people ORDER BY id').all())).toBe(rows);
  });

  it('a manifest whose counts or hashes disagree with the data', async () => {
    const countOff = await altered((f) => {
      const m = JSON.parse(f['manifest.json']!);
      m.tables.people.rows += 1;
      return { ...f, 'manifest.json': JSON.stringify(m) };
    });
    expect(await refused(countOff, 'bundle.tableMismatch')).toContain('people');
    const hashOff = await altered((f) => ({ ...f, 'tables/people.jsonl': f['tables/people.jsonl']!.replace('甲', '乙') }));
    expect(await refused(hashOff, 'bundle.tableMismatch')).toContain('SHA-256');
  });

  it('rows that fail validation, naming table and line', async () => {
    const bad = await altered((f) => rehash({ ...f, 'tables/people.jsonl': f['tables/people.jsonl']!.replace('"gender":"female"', '"gender":"x"') }));
    const message = await refused(bad, 'bundle.invalidRows');
    expect(message).toContain('people');
    expect(message).toContain('gender');
  });

  it('rows SQLite would refuse (a duplicate unique code, a missing parent) are listed by the dry run and refuse the import', async () => {
    const other = openOffice('320102066', '重码街道');
    trustEachOther([other, city]);
    const community = (streetOfficeId: string) => ({ streetOfficeId, code: '320102066001', name: '同码社区', boundary: [[[118, 32], [118.1, 32], [118, 32.1], [118, 32]]], labelLat: 32, labelLng: 118 });
    insertRow(city, communities, community('so-320100'));
    insertRow(other, communities, community('so-320102066'));
    const bytes = await bundleFor(city, other);
    const preview = await previewBundle(city, bytes);
    expect(preview.rejected).toEqual([expect.objectContaining({ table: 'communities', line: 1, reason: expect.stringContaining('communities.code') })]);
    expect(await refused(bytes, 'bundle.invalidRows')).toContain('communities.code');
    other.close();
  });

  it('a bundle of a newer format version', async () => {
    const newer = await altered((f) => ({ ...f, 'manifest.json': JSON.stringify({ ...JSON.parse(f['manifest.json']!), version: 2 }) }));
    expect(await refused(newer, 'bundle.newerVersion')).toContain('升级');
  });

  it('a decompression bomb stops at the cap', async () => {
    const bomb = await altered((f) => ({ ...f, 'tables/zeros.jsonl': '\n'.repeat(40 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused(bomb, 'bundle.tooLargeExpanded', { maxExpanded: 8 * 1024 * 1024 });
  });

  it('an empty file', async () => {
    await refused(new Uint8Array(0), 'bundle.empty');
    const dir = tempDir('griddesk-bad-');
    writeFileSync(join(dir, 'empty.gdbundle'), '');
    await expect(readBundleFile(join(dir, 'empty.gdbundle'))).rejects.toMatchObject({ key: 'bundle.empty' });
  });

  it('noise: refused from its first bytes; 2 GB of it from its size, without reading it', async () => {
    await refused(randomBytes(4 * 1024 * 1024), 'bundle.notABundle');
    const dir = tempDir('griddesk-bad-');
    const noise = join(dir, 'noise.gdbundle');
    writeFileSync(noise, randomBytes(8 * 1024 * 1024));
    await expect(readBundleFile(noise)).rejects.toMatchObject({ key: 'bundle.notABundle' });
    const huge = join(dir, 'huge.gdbundle');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    closeSync(fd);
    const heap = process.memoryUsage().rss;
    await expect(readBundleFile(huge)).rejects.toMatchObject({ key: 'bundle.tooLarge' });
    expect(process.memoryUsage().rss - heap).toBeLessThan(64 * 1024 * 1024);
  });

  it('a key card that is not one is refused naming what is wrong', async () => {
    const card = cardOf(openOffice('320102088', '某街道', officeIdentity(newOfficeKey())));
    expect(() => addPartner(city.sqlite, city.actor, card.replace(/指纹: .*/, '指纹: 0000-0000-0000'), city.identity.keyId)).toThrow(/指纹/);
    expect(() => addPartner(city.sqlite, city.actor, '你好', city.identity.keyId)).toThrow(/不是 GridDesk 密钥卡/);
  });
});
