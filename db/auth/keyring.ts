import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../errors';
import { packOfficeKey, unpackOfficeKey, type OfficeKey, type OfficePublicKey } from '../office-key/key';

/**
 * Key slots, as in disk encryption: one random 32-byte database key, wrapped once per account
 * with a key derived from that account's password (scrypt), and once with the administrator's
 * recovery code. Changing a password re-wraps that one slot; the database is never re-keyed.
 * The file sits beside the database and holds nothing secret in the clear.
 *
 * Wrap: AES-256-GCM, 12-byte IV, the slot's id, kind and username as associated data (a slot
 * cannot be moved to another account). KDF: scrypt N=2^16, r=8, p=1, 16-byte salt.
 *
 * The slots of administrators and data officers, and the recovery slot, wrap a second secret
 * under the same derived key (own IV, associated data ending in `|office-key`): the street
 * office's signing key (`db/office-key/`). No other role's slot holds it, so another role's
 * password opens the database but cannot sign an audit anchor. Its public half is in the clear
 * (`officeKey`).
 */
export const KEYRING_FILE = 'keyring.json';

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export interface Wrap {
  alg: 'aes-256-gcm';
  iv: string;
  tag: string;
  ct: string;
}

/** An administrator's signed leave for an account to receive the office key at its next sign-in. */
export interface OfficeGrant {
  accountId: string;
  keyId: string;
  at: number;
  /** Ed25519 signature by the office key over `officeGrantMessage`, base64. */
  sig: string;
}

export interface KeySlot {
  id: string;
  kind: 'account' | 'recovery' | 'os-keychain';
  /** For account slots: the account's login name and id. */
  username?: string;
  accountId?: string;
  kdf?: KdfParams;
  wrap: Wrap;
  /** The office signing key, in administrator, data officer and recovery slots only. */
  office?: Wrap;
  /** Set when the account was made an administrator or data officer without its password at hand. */
  officeGrant?: OfficeGrant;
  createdAt: number;
}

export interface Keyring {
  format: 'griddesk-keyring';
  version: 1;
  cipher: { scheme: 'sqlcipher'; legacy: 4 };
  slots: KeySlot[];
  /** The office signing key's public half; absent until the key is made. */
  officeKey?: OfficePublicKey;
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

function aad(slot: Pick<KeySlot, 'id' | 'kind' | 'username'>, what: 'db-key' | 'office-key' = 'db-key'): Buffer {
  const base = `${slot.id}|${slot.kind}|${slot.username ?? ''}`;
  return Buffer.from(what === 'db-key' ? base : `${base}|office-key`);
}

export function newKdf(params: { N: number; r: number; p: number } = DEFAULT_KDF): KdfParams {
  return { name: 'scrypt', ...params, salt: randomBytes(16).toString('base64') };
}

function seal(wrapKey: Buffer, plain: Buffer, associated: Buffer): Wrap {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrapKey, iv);
  cipher.setAAD(associated);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

function unseal(wrapKey: Buffer, wrap: Wrap, associated: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrapKey, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(associated);
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Wraps the database key (and, for the roles that hold it, the office key) with a secret. */
export function makeSlot(
  dbKey: Buffer,
  secret: string,
  meta: { kind: KeySlot['kind']; username?: string; accountId?: string },
  kdfParams?: { N: number; r: number; p: number },
  office?: OfficeKey | null,
): KeySlot {
  const kdf = newKdf(kdfParams);
  const slot: KeySlot = { id: randomUUID(), kind: meta.kind, kdf, wrap: { alg: 'aes-256-gcm', iv: '', tag: '', ct: '' }, createdAt: Date.now() };
  if (meta.username) slot.username = meta.username;
  if (meta.accountId) slot.accountId = meta.accountId;
  const wrapKey = derive(secret, kdf);
  slot.wrap = seal(wrapKey, dbKey, aad(slot));
  return office ? withOfficeWrap(slot, wrapKey, office) : slot;
}

/** The key a slot's secret derives to (scrypt, the slot's parameters), or null for a slot without a KDF. */
export function slotKey(slot: KeySlot, secret: string): Buffer | null {
  return slot.kdf ? derive(secret, slot.kdf) : null;
}

/** What a slot opens with the derived key: the database key, and the office key if it holds one; null when the secret is wrong. */
export function openSlotWith(slot: KeySlot, wrapKey: Buffer): { dbKey: Buffer; office: OfficeKey | null } | null {
  const dbKey = unseal(wrapKey, slot.wrap, aad(slot));
  if (!dbKey) return null;
  const packed = slot.office ? unseal(wrapKey, slot.office, aad(slot, 'office-key')) : null;
  return { dbKey, office: packed ? unpackOfficeKey(packed) : null };
}

/** The database key, or null when the secret is wrong (the GCM tag does not verify). */
export function unwrapSlot(slot: KeySlot, secret: string): Buffer | null {
  const wrapKey = slotKey(slot, secret);
  return wrapKey ? (openSlotWith(slot, wrapKey)?.dbKey ?? null) : null;
}

/** The slot with the office key wrapped in it (any pending grant used up). */
export function withOfficeWrap(slot: KeySlot, wrapKey: Buffer, office: OfficeKey): KeySlot {
  const { officeGrant: _used, ...rest } = slot;
  return { ...rest, office: seal(wrapKey, packOfficeKey(office), aad(slot, 'office-key')) };
}

/** The slot without the office key or a grant for it. */
export function withoutOffice(slot: KeySlot): KeySlot {
  const { office: _office, officeGrant: _grant, ...rest } = slot;
  return rest;
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
