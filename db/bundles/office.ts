/** This office as a bundle party: its identity from the held office key, its name and code. */
import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import { heldOfficeKey } from '../office-key/held';
import { officeIdentity, type OfficeIdentity } from './identity';
import type { PartyKey } from './partners';

/** The office identity, or a refusal naming who must sign in. */
export function requireIdentity(dataDir: string): OfficeIdentity {
  const key = heldOfficeKey(dataDir);
  if (!key) throw new ServiceError('FORBIDDEN', 'bundle.noIdentity', {});
  return officeIdentity(key);
}

const OFFICE_KEY = 'bundle_office';

/**
 * The street office's name and code: the `street_offices` row this database was set up for,
 * pinned in `meta` at first use (bundles from other offices bring their rows too). An
 * installation that had none then (the city, a district) keeps its node id as its code.
 */
export function officeInfo(sqlite: Database.Database, nodeId: string): { code: string; name: string } {
  const unnamed = { code: nodeId, name: '未命名街道办' };
  const byId = sqlite.prepare<[string], { code: string; name: string }>('SELECT code, name FROM street_offices WHERE id = ?');
  const pinned = sqlite.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(OFFICE_KEY);
  if (pinned) return (pinned.value ? byId.get(pinned.value) : undefined) ?? unnamed;
  const first = sqlite.prepare<[], { id: string }>('SELECT id FROM street_offices WHERE deleted = 0 ORDER BY hlc, id LIMIT 1').get();
  sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(OFFICE_KEY, first?.id ?? '');
  return first ? byId.get(first.id)! : unnamed;
}

export function selfParty(sqlite: Database.Database, nodeId: string, identity: OfficeIdentity): PartyKey {
  const { code, name } = officeInfo(sqlite, nodeId);
  return { name, officeCode: code, keyId: identity.keyId, minisignPublicKey: identity.minisignPublicKey, ageRecipient: identity.ageRecipient };
}
