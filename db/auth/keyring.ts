import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../errors';

/**
 * Key slots, as in disk encryption: one random 32-byte database key, wrapped once per account
 * with a key derived from that account's password (scrypt), and once with the administrator's
 * recovery code. Changing a password re-wraps that one slot; the database is never re-keyed.
 * The file sits beside the database and holds nothing secret in the clear.
 *
 * Wrap: AES-256-GCM, 12-byte IV, the slot's id, kind and username as associated data (a slot
 * cannot be moved to another account). KDF: scrypt N=2^16, r=8, p=1, 16-byte salt.
 */
export const KEYRING_FILE = 'keyring.json';

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export interface KeySlot {
  id: string;
  kind: 'account' | 'recovery' | 'os-keychain';
  /** For account slots: the account's login name and id. */
  username?: string;
  accountId?: string;
  kdf?: KdfParams;
  wrap: { alg: 'aes-256-gcm'; iv: string; tag: string; ct: string };
  createdAt: number;
}

export interface Keyring {
  format: 'griddesk-keyring';
  version: 1;
  cipher: { scheme: 'sqlcipher'; legacy: 4 };
  slots: KeySlot[];
}

export const DEFAULT_KDF = { N: 2 ** 16, r: 8, p: 1 } as const;

function derive(secret: string, kdf: KdfParams): Buffer {
  return scryptSync(secret.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r,
  });
}

function aad(slot: Pick<KeySlot, 'id' | 'kind' | 'username'>): Buffer {
  return Buffer.from(`${slot.id}|${slot.kind}|${slot.username ?? ''}`);
}

export function newKdf(params: { N: number; r: number; p: number } = DEFAULT_KDF): KdfParams {
  return { name: 'scrypt', ...params, salt: randomBytes(16).toString('base64') };
}

/** Wraps the database key with a secret (password or recovery code). */
export function makeSlot(
  dbKey: Buffer,
  secret: string,
  meta: { kind: KeySlot['kind']; username?: string; accountId?: string },
  kdfParams?: { N: number; r: number; p: number },
): KeySlot {
  const kdf = newKdf(kdfParams);
  const slot: KeySlot = { id: randomUUID(), kind: meta.kind, kdf, wrap: { alg: 'aes-256-gcm', iv: '', tag: '', ct: '' }, createdAt: Date.now() };
  if (meta.username) slot.username = meta.username;
  if (meta.accountId) slot.accountId = meta.accountId;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(secret, kdf), iv);
  cipher.setAAD(aad(slot));
  const ct = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  slot.wrap = { alg: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  return slot;
}

/** The database key, or null when the secret is wrong (the GCM tag does not verify). */
export function unwrapSlot(slot: KeySlot, secret: string): Buffer | null {
  if (!slot.kdf) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(secret, slot.kdf), Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrap.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE);
}

export function readKeyring(dataDir: string): Keyring | null {
  const file = keyringPath(dataDir);
  if (!existsSync(file)) return null;
  let parsed: Keyring;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Keyring;
  } catch {
    throw new ServiceError('DATABASE', 'keyring.corrupt', { file });
  }
  if (parsed.format !== 'griddesk-keyring' || parsed.version !== 1 || !Array.isArray(parsed.slots)) {
    throw new ServiceError('DATABASE', 'keyring.foreign', { file });
  }
  return parsed;
}

/** Written to a temp file and renamed, so a crash never leaves half a keyring. */
export function writeKeyring(dataDir: string, keyring: Keyring): void {
  const file = keyringPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(keyring, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}

export function emptyKeyring(): Keyring {
  return { format: 'griddesk-keyring', version: 1, cipher: { scheme: 'sqlcipher', legacy: 4 }, slots: [] };
}

/** A recovery code: 25 characters of Crockford base32 (125 bits) in five groups. */
export function newRecoveryCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => alphabet[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

export function normalizeRecoveryCode(code: string): string {
  const clean = code.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.match(/.{1,5}/g)?.join('-') ?? '';
}
