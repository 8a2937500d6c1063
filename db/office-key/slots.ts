import { canonicalJson } from '../audit/canonical-json';
import type { Role } from '../auth/roles';
import { withOfficeWrap, withoutOffice, type Keyring, type KeySlot, type OfficeGrant } from '../auth/keyring';
import { newOfficeKey, publicPart, signBytes, verifyBytes, type OfficeKey } from './key';

/** The roles whose key slots hold the office signing key. */
export const OFFICE_KEY_ROLES: readonly Role[] = ['admin', 'analyst'];

export function holdsOfficeKey(account: { role: Role; disabled?: boolean }): boolean {
  return OFFICE_KEY_ROLES.includes(account.role) && !account.disabled;
}

function grantMessage(grant: Omit<OfficeGrant, 'sig'>): Buffer {
  return Buffer.from(`GridDesk office key grant v1\n${canonicalJson(grant)}`, 'utf8');
}

export function makeGrant(office: OfficeKey, accountId: string, at: number): OfficeGrant {
  const body = { accountId, keyId: office.keyId.toString('hex'), at };
  return { ...body, sig: signBytes(office, grantMessage(body)).toString('base64') };
}

/** Whether a grant was signed by the office key for this account (the db's role alone is not enough). */
export function grantIsValid(grant: OfficeGrant | undefined, office: OfficeKey, accountId: string): boolean {
  if (!grant || grant.accountId !== accountId || grant.keyId !== office.keyId.toString('hex')) return false;
  const { sig, ...body } = grant;
  return verifyBytes(office.publicKey, grantMessage(body), Buffer.from(sig, 'base64'));
}

function replaceSlot(keyring: Keyring, slot: KeySlot, next: KeySlot): Keyring {
  return { ...keyring, slots: keyring.slots.map((s) => (s === slot ? next : s)) };
}

export interface SignInAccount {
  id: string;
  role: Role;
  disabled: boolean;
}

export interface OfficeAtSignIn {
  keyring: Keyring;
  /** The office key this sign-in makes available, or null. */
  office: OfficeKey | null;
  /** Whether the keyring changed and must be written. */
  changed: boolean;
  /** Whether the office key was made just now (an installation from before it existed). */
  created: boolean;
}

/**
 * What a sign-in does with the office key, given what the account's slot opened:
 * - an account that may not hold it loses any wrap or grant it still has;
 * - an account whose slot holds it makes it available (and puts back its public half if that
 *   went missing or was replaced: the secret decides what the public key is);
 * - an administrator of an installation that has no office key yet makes one, wraps it into
 *   the own slot and grants it to the other administrators and data officers, who receive it at
 *   their next sign-in while the key is at hand;
 * - an account with a grant signed by the office key receives the key held in memory.
 */
export function officeAtSignIn(
  keyring: Keyring,
  slot: KeySlot,
  wrapKey: Buffer,
  opened: OfficeKey | null,
  account: SignInAccount,
  held: OfficeKey | null,
  others: SignInAccount[],
  now: number,
): OfficeAtSignIn {
  const unchanged = { keyring, office: null, changed: false, created: false };
  if (!holdsOfficeKey(account)) {
    return slot.office || slot.officeGrant ? { ...unchanged, keyring: replaceSlot(keyring, slot, withoutOffice(slot)), changed: true } : unchanged;
  }
  if (opened) {
    const pub = publicPart(opened, keyring.officeKey?.createdAt ?? now);
    const same = keyring.officeKey?.keyId === pub.keyId && keyring.officeKey.publicKey === pub.publicKey;
    return { keyring: same ? keyring : { ...keyring, officeKey: pub }, office: opened, changed: !same, created: false };
  }
  const anyWrapped = keyring.slots.some((s) => s.office);
  if (!keyring.officeKey && !anyWrapped && account.role === 'admin') {
    const office = newOfficeKey();
    let next: Keyring = { ...replaceSlot(keyring, slot, withOfficeWrap(slot, wrapKey, office)), officeKey: publicPart(office, now) };
    for (const other of others) next = grantOffice(next, other, office, now);
    return { keyring: next, office, changed: true, created: true };
  }
  if (held && grantIsValid(slot.officeGrant, held, account.id)) {
    return { keyring: replaceSlot(keyring, slot, withOfficeWrap(slot, wrapKey, held)), office: held, changed: true, created: false };
  }
  return unchanged;
}

/**
 * After an account's role or enabled state changed: an account that may no longer hold the
 * office key loses it at once; one that newly may is given a signed grant, and receives the key
 * at its next sign-in (its password is needed to wrap it). Without the key at hand no grant can
 * be made, and the keyring is left as it was.
 */
export function grantOffice(keyring: Keyring, account: SignInAccount, held: OfficeKey | null, now: number): Keyring {
  const slot = keyring.slots.find((s) => s.kind === 'account' && s.accountId === account.id);
  if (!slot) return keyring;
  if (!holdsOfficeKey(account)) return slot.office || slot.officeGrant ? replaceSlot(keyring, slot, withoutOffice(slot)) : keyring;
  if (slot.office || !held || grantIsValid(slot.officeGrant, held, account.id)) return keyring;
  return replaceSlot(keyring, slot, { ...slot, officeGrant: makeGrant(held, account.id, now) });
}
