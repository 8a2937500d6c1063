/**
 * The office identity for bundles: the Ed25519 signing key it already has (`db/office-key/`) and
 * an X25519 key for age, derived from the signing seed with HKDF-SHA-256 — whoever may unwrap
 * the one holds the other, and installations made before bundles have it at once.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32 } from '@scure/base';
import type { OfficeKey } from '../office-key/key';
import { minisignKeyIdText } from '../office-key/key';
import { minisignPublicKeyLine } from './minisign';

const AGE_INFO = 'griddesk office age x25519 v1';

export interface OfficeIdentity {
  signing: OfficeKey;
  /** `AGE-SECRET-KEY-1…`, as `age -d -i` reads it. */
  ageIdentity: string;
  /** `age1…`. */
  ageRecipient: string;
  /** The minisign key id as minisign prints it. */
  keyId: string;
  /** The minisign public key line `RWQ…`. */
  minisignPublicKey: string;
}

export function ageSecretOf(signing: OfficeKey): Uint8Array {
  return hkdf(sha256, signing.secret, new Uint8Array(0), new TextEncoder().encode(AGE_INFO), 32);
}

export function ageRecipientOfPublic(publicKey: Uint8Array): string {
  return bech32.encode('age', bech32.toWords(publicKey), false);
}

export function officeIdentity(signing: OfficeKey): OfficeIdentity {
  const secret = ageSecretOf(signing);
  return {
    signing,
    ageIdentity: bech32.encode('AGE-SECRET-KEY-', bech32.toWords(secret), false).toUpperCase(),
    ageRecipient: ageRecipientOfPublic(x25519.getPublicKey(secret)),
    keyId: minisignKeyIdText(signing.keyId),
    minisignPublicKey: minisignPublicKeyLine(signing.keyId, signing.publicKey),
  };
}

/** Whether a string is an age X25519 recipient. */
export function isAgeRecipient(value: string): boolean {
  try {
    const { prefix, words } = bech32.decode(value as `${string}1${string}`, 100);
    return prefix === 'age' && bech32.fromWords(words).length === 32;
  } catch {
    return false;
  }
}
