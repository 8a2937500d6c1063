import { Decrypter, Encrypter } from 'age-encryption';
import { readContainer, readPayload, writeContainer, writePayload } from '../../../db/bundles/container';
import type { OfficeIdentity } from '../../../db/bundles/identity';
import { minisignSign, parseMinisig } from '../../../db/bundles/minisign';

/** The payload files of a bundle, decrypted with an identity it was made for. */
export async function payloadOf(bytes: Uint8Array, reader: OfficeIdentity): Promise<Record<string, string>> {
  const { encrypted } = readContainer(bytes);
  const d = new Decrypter();
  d.addIdentity(reader.ageIdentity);
  const files = readPayload(await d.decrypt(encrypted));
  return Object.fromEntries([...files].map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));
}

/** A bundle made by hand: these payload files, encrypted to `recipients`, signed by `signer` with this trusted comment. */
export async function seal(files: Record<string, string> | Uint8Array, recipients: string[], signer: OfficeIdentity, comment: string): Promise<Uint8Array> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  const encrypted = await e.encrypt(files instanceof Uint8Array ? files : writePayload(files));
  return writeContainer(minisignSign(signer.signing, encrypted, comment), encrypted);
}

export function commentOf(bytes: Uint8Array): string {
  return parseMinisig(readContainer(bytes).minisig)!.trustedComment;
}
