import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * The street office's signing key: Ed25519, with an 8-byte key id as minisign keeps one, so the
 * same key can sign audit anchors here and, in minisign's format, the bundles the office sends.
 * The secret exists only wrapped in the key slots of administrators and data officers (and the
 * recovery slot); the public half is kept in the clear for anyone to verify with.
 */
export interface OfficeKey {
  /** 8 random bytes, in the order minisign writes them into keys and signatures. */
  keyId: Buffer;
  /** The 32-byte Ed25519 secret (seed). */
  secret: Uint8Array;
  publicKey: Uint8Array;
}

/** What is kept in the clear: in `keyring.json` and, in minisign's format, `office-key.pub`. */
export interface OfficePublicKey {
  /** The key id as 16 hex digits, bytes in stored order. */
  keyId: string;
  /** The 32-byte public key, base64. */
  publicKey: string;
  createdAt: number;
}

const SECRET_BYTES = 32;
const KEY_ID_BYTES = 8;

export function newOfficeKey(): OfficeKey {
  const secret = ed25519.utils.randomSecretKey();
  return { keyId: randomBytes(KEY_ID_BYTES), secret, publicKey: ed25519.getPublicKey(secret) };
}

/** The 40 bytes a key slot wraps: secret then key id. */
export function packOfficeKey(key: OfficeKey): Buffer {
  return Buffer.concat([Buffer.from(key.secret), key.keyId]);
}

export function unpackOfficeKey(packed: Buffer): OfficeKey {
  if (packed.length !== SECRET_BYTES + KEY_ID_BYTES) throw new Error('办公室签名密钥长度不对');
  const secret = Uint8Array.from(packed.subarray(0, SECRET_BYTES));
  return { keyId: Buffer.from(packed.subarray(SECRET_BYTES)), secret, publicKey: ed25519.getPublicKey(secret) };
}

export function publicPart(key: OfficeKey, createdAt: number): OfficePublicKey {
  return { keyId: key.keyId.toString('hex'), publicKey: Buffer.from(key.publicKey).toString('base64'), createdAt };
}

export function signBytes(key: OfficeKey, message: Uint8Array): Buffer {
  return Buffer.from(ed25519.sign(message, key.secret));
}

export function verifyBytes(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** The key id as minisign prints it: the 8 bytes read as a little-endian number, in upper-case hex. */
export function minisignKeyIdText(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** The public key file minisign reads (`minisign -V -p office-key.pub`): signature algorithm `Ed`, key id, key. */
export function minisignPublicKeyFile(pub: OfficePublicKey): string {
  const keyId = Buffer.from(pub.keyId, 'hex');
  const body = Buffer.concat([Buffer.from('Ed', 'ascii'), keyId, Buffer.from(pub.publicKey, 'base64')]);
  return `untrusted comment: minisign public key ${minisignKeyIdText(keyId)}\n${body.toString('base64')}\n`;
}

/** The public key in minisign's format beside the database, for anyone who checks what the office signed. */
export const PUBLIC_KEY_FILE = 'office-key.pub';

export function writePublicKeyFile(dataDir: string, pub: OfficePublicKey): void {
  writeFileSync(join(dataDir, PUBLIC_KEY_FILE), minisignPublicKeyFile(pub), { mode: 0o600 });
}
