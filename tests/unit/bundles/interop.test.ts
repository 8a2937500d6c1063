import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../db/bundles/exchange';
import { people } from '../../../db/schema';
import { insertRow } from '../../../db/sync/write';
import { person } from '../sync/fixture';
import { tempDir } from '../helpers/tmp';
import { openOffice, partnerId, trustEachOther } from './offices';

const street = openOffice('320102001', '中山路街道');
const city = openOffice('320100', '南京市');
afterAll(() => [street, city].forEach((o) => o.close()));

describe('a bundle read with the Debian age and minisign tools alone', () => {
  trustEachOther([street, city]);
  const ids = ['甲', '乙', '丙'].map((n) => insertRow(street, people, person(n)).id);

  it('minisign verifies it with the key card’s key, age decrypts it with the city’s identity, the tables match the manifest', async () => {
    const built = await exportBundle(street, { partnerIds: [partnerId(street, city)], scope: 'all' });
    const dir = tempDir('griddesk-interop-');
    const outer = unzipSync(built.bytes);
    expect(Object.keys(outer)).toEqual(['bundle.age.minisig', 'bundle.age']);
    writeFileSync(join(dir, 'bundle.age'), outer['bundle.age']!);
    writeFileSync(join(dir, 'bundle.age.minisig'), outer['bundle.age.minisig']!);

    const verified = execFileSync('/usr/bin/minisign', ['-Vm', join(dir, 'bundle.age'), '-P', street.identity.minisignPublicKey], { encoding: 'utf8' });
    expect(verified).toContain('Signature and comment signature verified');
    expect(verified).toContain(`griddesk-bundle v1 sender=320102001 node=${street.nodeId} seq=1 to=320100`);

    writeFileSync(join(dir, 'city.key'), `${city.identity.ageIdentity}\n`, { mode: 0o600 });
    execFileSync('/usr/bin/age', ['-d', '-i', join(dir, 'city.key'), '-o', join(dir, 'payload.zip'), join(dir, 'bundle.age')]);
    const inner = unzipSync(readFileSync(join(dir, 'payload.zip')));
    const manifest = JSON.parse(Buffer.from(inner['manifest.json']!).toString('utf8'));
    expect(manifest.sender).toMatchObject({ officeCode: '320102001', keyId: street.identity.keyId });
    expect(manifest.tables.people.rows).toBe(3);
    const lines = Buffer.from(inner['tables/people.jsonl']!).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual([...ids].sort());
    expect(lines[0]._vv).toEqual({ [street.nodeId]: lines[0].hlc });
    const sha = execFileSync('sha256sum', ['-'], { input: inner['tables/people.jsonl'] }).toString().split(' ')[0];
    expect(manifest.tables.people.sha256).toBe(sha);
  });

  it('the sender can decrypt what it sent with its own identity; a third key cannot', async () => {
    const built = await exportBundle(street, { partnerIds: [partnerId(street, city)], scope: 'all' });
    const dir = tempDir('griddesk-interop-');
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'bundle.age'), unzipSync(built.bytes)['bundle.age']!);
    writeFileSync(join(dir, 'own.key'), `${street.identity.ageIdentity}\n`, { mode: 0o600 });
    execFileSync('/usr/bin/age', ['-d', '-i', join(dir, 'own.key'), '-o', join(dir, 'own.zip'), join(dir, 'bundle.age')]);
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'own.zip'))))).toContain('manifest.json');
    execFileSync('/usr/bin/age-keygen', ['-o', join(dir, 'other.key')], { stdio: 'ignore' });
    expect(() => execFileSync('/usr/bin/age', ['-d', '-i', join(dir, 'other.key'), join(dir, 'bundle.age')], { stdio: 'pipe' })).toThrow(/no identity matched/);
  });

  it('minisign refuses the payload once a byte of it changed', async () => {
    const built = await exportBundle(street, { partnerIds: [partnerId(street, city)], scope: 'all' });
    const dir = tempDir('griddesk-interop-');
    const outer = unzipSync(built.bytes);
    const age = Buffer.from(outer['bundle.age']!);
    age.writeUInt8(age[age.length - 5]! ^ 0x01, age.length - 5);
    writeFileSync(join(dir, 'bundle.age'), age);
    writeFileSync(join(dir, 'bundle.age.minisig'), outer['bundle.age.minisig']!);
    expect(() => execFileSync('/usr/bin/minisign', ['-Vm', join(dir, 'bundle.age'), '-P', street.identity.minisignPublicKey], { stdio: 'pipe' })).toThrow();
  });
});
