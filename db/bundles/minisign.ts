/**
 * Signatures in the minisign format (algorithm `ED`: Ed25519 over the BLAKE2b-512 hash of the
 * file), which `minisign -V` checks. The key is the office signing key (`db/office-key/key.ts`).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { minisignKeyIdText, type OfficeKey } from '../office-key/key';

const UNTRUSTED = 'untrusted comment: GridDesk 数据包签名';
const TRUSTED_PREFIX = 'trusted comment: ';

export interface MinisignSignature {
  /** The signing key's id as minisign prints it. */
  keyId: string;
  trustedComment: string;
  signature: Uint8Array;
  globalSignature: Uint8Array;
}

/** The `.minisig` text for these bytes. The trusted comment is one line. */
export function minisignSign(key: OfficeKey, bytes: Uint8Array, trustedComment: string): string {
  if (/[\r\n]/.test(trustedComment)) throw new Error('签名的可信注释只能有一行');
  const signature = ed25519.sign(blake2b(bytes), key.secret);
  const line = Buffer.concat([Buffer.from('ED', 'ascii'), key.keyId, signature]).toString('base64');
  const global = ed25519.sign(Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), key.secret);
  return `${UNTRUSTED}\n${line}\n${TRUSTED_PREFIX}${trustedComment}\n${Buffer.from(global).toString('base64')}\n`;
}

/** Reads a `.minisig` text; null when it is not one. */
export function parseMinisig(text: string): MinisignSignature | null {
  const lines = text.split('\n');
  if (lines.length < 4 || !lines[0]!.startsWith('untrusted comment:') || !lines[2]!.startsWith(TRUSTED_PREFIX)) return null;
  const body = Buffer.from(lines[1]!.trim(), 'base64');
  const global = Buffer.from(lines[3]!.trim(), 'base64');
  if (body.length !== 74 || body.subarray(0, 2).toString('ascii') !== 'ED' || global.length !== 64) return null;
  return {
    keyId: minisignKeyIdText(body.subarray(2, 10)),
    signature: Uint8Array.from(body.subarray(10)),
    trustedComment: lines[2]!.slice(TRUSTED_PREFIX.length),
    globalSignature: Uint8Array.from(global),
  };
}

/** Whether both the file signature and the trusted comment's signature hold for this public key. */
export function minisignVerify(publicKey: Uint8Array, bytes: Uint8Array, sig: MinisignSignature): boolean {
  try {
    const fileOk = ed25519.verify(sig.signature, blake2b(bytes), publicKey);
    const commentOk = ed25519.verify(sig.globalSignature, Buffer.concat([sig.signature, Buffer.from(sig.trustedComment, 'utf8')]), publicKey);
    return fileOk && commentOk;
  } catch {
    return false;
  }
}

/** The public key line of a minisign public key file (`RWQ…`), as `minisign -P` takes it. */
export function minisignPublicKeyLine(keyId: Buffer, publicKey: Uint8Array): string {
  return Buffer.concat([Buffer.from('Ed', 'ascii'), keyId, publicKey]).toString('base64');
}

/** Reads a `RWQ…` public key line; null when it is not one. */
export function parseMinisignPublicKey(line: string): { keyId: string; publicKey: Uint8Array } | null {
  const body = Buffer.from(line.trim(), 'base64');
  if (body.length !== 42 || body.subarray(0, 2).toString('ascii') !== 'Ed') return null;
  return { keyId: minisignKeyIdText(body.subarray(2, 10)), publicKey: Uint8Array.from(body.subarray(10)) };
}
