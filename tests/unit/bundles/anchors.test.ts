import { afterAll, describe, expect, it } from 'vitest';
import { signAnchor, type Anchor } from '../../../db/audit/anchor-record';
import { exportBundle, importBundle, previewBundle } from '../../../db/bundles/exchange';
import { listPartners } from '../../../db/bundles/trust-list';
import { ServiceError } from '../../../db/errors';
import { people } from '../../../db/schema';
import { insertRow } from '../../../db/sync/write';
import { person } from '../sync/fixture';
import { dump, openOffice, partnerId, trustEachOther, type TestOffice } from './offices';
import { commentOf, payloadOf, seal } from './reseal';

const offices: TestOffice[] = [];
afterAll(() => offices.forEach((o) => o.close()));

function pair() {
  const a = openOffice(`32010230${offices.length + 1}`, '中山路街道');
  const b = openOffice(`32010230${offices.length + 2}`, '玄武门街道');
  offices.push(a, b);
  trustEachOther([a, b]);
  insertRow(a, people, person('甲'));
  return { a, b };
}

const head = (o: TestOffice) => o.sqlite.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;

/** The same bundle with its manifest's anchor changed by `change`, encrypted and signed again with the sender's real key. */
async function withAnchor(bytes: Uint8Array, from: TestOffice, to: TestOffice, change: (a: Anchor) => Anchor): Promise<Uint8Array> {
  const files = await payloadOf(bytes, to.identity);
  const manifest = JSON.parse(files['manifest.json']!) as { anchor: Anchor };
  manifest.anchor = change(manifest.anchor);
  files['manifest.json'] = JSON.stringify(manifest);
  return seal(files, [to.identity.ageRecipient, from.identity.ageRecipient], from.identity, commentOf(bytes));
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err as ServiceError);

describe('the audit anchor in every bundle', () => {
  it('carries the sender’s signed audit head; the recipient checks it, keeps it and shows it on the partner', async () => {
    const { a, b } = pair();
    const before = head(a);
    const built = await exportBundle(a, { partnerIds: [partnerId(a, b)], scope: 'all' });
    const anchor = built.manifest.anchor!;
    expect(anchor).toMatchObject({ reason: 'bundle', audit_seq: before.seq, audit_hash: before.hash });
    expect(a.sqlite.prepare('SELECT seq, hash FROM audit_anchors ORDER BY seq DESC LIMIT 1').get()).toEqual({ seq: anchor.seq, hash: anchor.hash });

    const preview = await previewBundle(b, built.bytes);
    expect(preview.anchor).toEqual({ seq: anchor.seq, auditSeq: before.seq, auditHash: before.hash, at: anchor.at });
    await importBundle(b, built.bytes);
    const shown = listPartners(b.sqlite).find((p) => p.keyId === a.identity.keyId)!.anchor;
    expect(shown).toMatchObject({ seq: anchor.seq, auditSeq: before.seq, auditHash: before.hash, count: 1 });

    // The next bundle brings a newer anchor; both are kept.
    insertRow(a, people, person('乙'));
    const next = await exportBundle(a, { partnerIds: [partnerId(a, b)], scope: 'sinceLast' });
    expect(next.manifest.anchor!.seq).toBe(anchor.seq + 1);
    expect(next.manifest.anchor!.prev_anchor).toBe(anchor.hash);
    await importBundle(b, next.bytes);
    expect(listPartners(b.sqlite).find((p) => p.keyId === a.identity.keyId)!.anchor).toMatchObject({ seq: anchor.seq + 1, count: 2 });
  });

  it('refuses a tampered anchor, naming the sender, and changes nothing', async () => {
    const { a, b } = pair();
    const built = await exportBundle(a, { partnerIds: [partnerId(a, b)], scope: 'all' });
    const before = dump(b);
    const tampered = await withAnchor(built.bytes, a, b, (x) => ({ ...x, audit_hash: 'f'.repeat(64) }));
    const err = await refusal(importBundle(b, tampered));
    expect(err).toBeInstanceOf(ServiceError);
    expect(err!.key).toBe('bundle.badAnchor');
    expect(err!.message).toContain('中山路街道');
    expect((await refusal(previewBundle(b, tampered)))!.key).toBe('bundle.badAnchor');
    // Signed by another key (the recipient's own), the anchor is refused too.
    const foreign = await withAnchor(built.bytes, a, b, (x) => signAnchor(b.identity.signing, { ...x, key_id: b.identity.signing.keyId.toString('hex') }));
    expect((await refusal(importBundle(b, foreign)))!.key).toBe('bundle.badAnchor');
    expect(dump(b)).toBe(before);
    // The genuine bundle still imports.
    await importBundle(b, built.bytes);
  });

  it('refuses an anchor that contradicts one of the same number kept before, even signed by the sender', async () => {
    const { a, b } = pair();
    const built = await exportBundle(a, { partnerIds: [partnerId(a, b)], scope: 'all' });
    await importBundle(b, built.bytes);
    const before = dump(b);
    const rewritten = await withAnchor(built.bytes, a, b, (x) => signAnchor(a.identity.signing, { ...x, audit_hash: 'e'.repeat(64) }));
    const err = await refusal(importBundle(b, rewritten, { allowReplay: true }));
    expect(err!.key).toBe('bundle.anchorForked');
    expect(dump(b)).toBe(before);
  });
});
