import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageDecrypt } from '../../../db/bundles/age-format';
import { readContainer, readPayload } from '../../../db/bundles/container';
import { exportBundle, importBundle, previewBundle, sinceLastSent } from '../../../db/bundles/exchange';
import { trustedPartners } from '../../../db/bundles/trust-list';
import { minisignVerify, parseMinisig, parseMinisignPublicKey } from '../../../db/bundles/minisign';
import { dump, openOffice, openSeededOffice, partnerId, trustEachOther, type TestOffice } from './offices';

const opened: TestOffice[] = [];
afterAll(() => opened.forEach((o) => o.close()));

/** The decrypted payload and every entry inflated, as text: where personal data would show. */
async function plainText(to: TestOffice, bytes: Uint8Array): Promise<{ decrypted: Buffer; inflated: string; entries: string[] }> {
  const decrypted = Buffer.from(await ageDecrypt(readContainer(bytes).encrypted, [to.identity.ageIdentity]));
  const files = readPayload(decrypted);
  return { decrypted, inflated: [...files.values()].map((b) => Buffer.from(b).toString('utf8')).join('\n'), entries: [...files.keys()].sort() };
}

/** Every name, phone and ID number the office holds, of residents and people. */
function personalValues(o: TestOffice): string[] {
  const rows = o.sqlite.prepare<[], { v: string | null }>(`SELECT name AS v FROM residents UNION SELECT phone FROM residents UNION SELECT id_number FROM residents
    UNION SELECT name FROM people UNION SELECT phone FROM people UNION SELECT id_number FROM people`).all();
  return rows.map((r) => r.v).filter((v): v is string => !!v && v.length >= 2);
}

describe('the aggregate-only report', () => {
  let office: TestOffice;
  let city: TestOffice;
  beforeAll(() => {
    office = openSeededOffice();
    city = openOffice('320100', '南京市');
    opened.push(office, city);
    trustEachOther([office, city]);
  }, 120_000);

  it('carries no name, phone or ID number, only counts, and is still encrypted and signed', async () => {
    const built = await exportBundle(office, { partnerIds: [partnerId(office, city)], scope: 'all', aggregate: true });
    expect(built.manifest.content).toBe('report');
    expect(built.manifest.tables).toEqual({});
    const { decrypted, inflated, entries } = await plainText(city, built.bytes);
    expect(entries).toEqual(['manifest.json', 'report.jsonl']);
    const personal = personalValues(office);
    expect(personal.length).toBeGreaterThan(1000);
    const leaked = personal.filter((v) => inflated.includes(v) || decrypted.includes(Buffer.from(v, 'utf8')));
    expect(leaked).toEqual([]);
    // The same check finds them in a bundle of records: it can fail.
    const records = await exportBundle(office, { partnerIds: [partnerId(office, city)], scope: 'all', kinds: ['residents'] });
    const full = await plainText(city, records.bytes);
    expect(personal.slice(0, 300).filter((v) => full.inflated.includes(v)).length).toBeGreaterThan(100);

    // Encrypted: the container holds no readable figure; signed by the office's key.
    const { minisig, encrypted } = readContainer(built.bytes);
    expect(Buffer.from(built.bytes).includes(Buffer.from('communityName'))).toBe(false);
    const sig = parseMinisig(minisig)!;
    expect(minisignVerify(parseMinisignPublicKey(office.identity.minisignPublicKey)!.publicKey, encrypted, sig)).toBe(true);

    // The figures agree with the office's own counts.
    const lines = inflated.split('\n').filter((l) => l.startsWith('{"community"')).map((l) => JSON.parse(l) as { measure: string; value: number });
    const sum = (m: string) => lines.filter((l) => l.measure === m).reduce((n, l) => n + l.value, 0);
    expect(sum('households')).toBe((office.sqlite.prepare('SELECT count(*) AS n FROM households WHERE deleted = 0').get() as { n: number }).n);
    expect(sum('buildings')).toBe((office.sqlite.prepare('SELECT count(*) AS n FROM buildings WHERE deleted = 0').get() as { n: number }).n);
  });

  it('is shown to the recipient as a report and merges no record; a later "since last" still sends every record', async () => {
    const to = openOffice('320101', '玄武区');
    opened.push(to);
    trustEachOther([office, to]);
    const built = await exportBundle(office, { partnerIds: [partnerId(office, to)], scope: 'all', aggregate: true });
    const preview = await previewBundle(to, built.bytes);
    expect(preview.report!.length).toBe(built.rows);
    expect(preview.manifest.content).toBe('report');
    expect(preview.totals).toEqual({ create: 0, update: 0, unchanged: 0, conflict: 0 });
    const records = () => dump(to).split('\n').filter((l) => !/^(bundle_log|bundle_anchors|audit_log|meta):/.test(l));
    const tablesBefore = records();
    const done = await importBundle(to, built.bytes);
    expect(done.report!.length).toBe(built.rows);
    expect(records()).toEqual(tablesBefore);
    expect(to.sqlite.prepare(`SELECT direction, summary FROM bundle_log`).all()).toEqual([{ direction: 'received', summary: JSON.stringify({ report: built.rows }) }]);
    // The sender's "since the last bundle" does not count a report as records sent.
    expect(sinceLastSent(office.sqlite, trustedPartners(office.sqlite).filter((p) => p.id === partnerId(office, to)))).toEqual({ kind: 'all' });
  });
});
