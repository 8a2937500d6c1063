/** The trust list (`bundle_partners`): partners added from key cards, revoked but never forgotten. */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../auth/roles';
import { appendAudit } from '../audit/append';
import { ServiceError } from '../errors';
import { uuidv7 } from '../sync/ids';
import { fingerprint, KeyCardError, parseKeyCard } from './key-card';
import type { PartyKey } from './partners';
import { keptAnchors, type KeptAnchor } from './received-anchors';

export interface Partner extends PartyKey {
  id: string;
  fingerprint: string;
  addedAt: number;
  revokedAt: number | null;
  /** The newest audit anchor received from this partner's key, and how many are kept. */
  anchor: KeptAnchor | null;
}

interface PartnerRow {
  id: string;
  name: string;
  office_code: string;
  key_id: string;
  minisign_public_key: string;
  age_recipient: string;
  added_at: number;
  revoked_at: number | null;
}

function toPartner(r: PartnerRow, anchors: Map<string, KeptAnchor>): Partner {
  const key = { name: r.name, officeCode: r.office_code, keyId: r.key_id, minisignPublicKey: r.minisign_public_key, ageRecipient: r.age_recipient };
  return { id: r.id, ...key, fingerprint: fingerprint(key), addedAt: r.added_at, revokedAt: r.revoked_at, anchor: anchors.get(r.key_id) ?? null };
}

export function listPartners(sqlite: Database.Database): Partner[] {
  const anchors = keptAnchors(sqlite);
  return sqlite
    .prepare<[], PartnerRow>('SELECT * FROM bundle_partners ORDER BY revoked_at IS NOT NULL, name')
    .all()
    .map((r) => toPartner(r, anchors));
}

/** The partners whose bundles are accepted and who may be sent to. */
export function trustedPartners(sqlite: Database.Database): Partner[] {
  return listPartners(sqlite).filter((p) => p.revokedAt === null);
}

export function addPartner(sqlite: Database.Database, actor: Actor, cardText: string, ownKeyId: string, now = Date.now()): Partner {
  let card;
  try {
    card = parseKeyCard(cardText);
  } catch (err) {
    if (err instanceof KeyCardError) throw new ServiceError('INVALID_INPUT', 'bundle.badKeyCard', { reason: err.message }, 'card');
    throw err;
  }
  if (card.keyId === ownKeyId) throw new ServiceError('INVALID_INPUT', 'bundle.ownKey', {}, 'card');
  const existing = sqlite.prepare<[string], PartnerRow>('SELECT * FROM bundle_partners WHERE key_id = ?').get(card.keyId);
  if (existing) throw new ServiceError('CONFLICT', 'bundle.partnerExists', { keyId: card.keyId, name: existing.name }, 'card');
  const id = uuidv7(now);
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT INTO bundle_partners (id, name, office_code, key_id, minisign_public_key, age_recipient, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, card.name, card.officeCode, card.keyId, card.minisignPublicKey, card.ageRecipient, now);
    appendAudit(sqlite, { actor, action: 'bundles.partner_add', target: card.keyId, detail: { name: card.name, officeCode: card.officeCode, fingerprint: fingerprint(card) }, at: now });
  })();
  return toPartner(sqlite.prepare<[string], PartnerRow>('SELECT * FROM bundle_partners WHERE id = ?').get(id)!, keptAnchors(sqlite));
}

/** Revokes a partner: its bundles are no longer accepted and nothing more is sent to it. */
export function revokePartner(sqlite: Database.Database, actor: Actor, id: string, now = Date.now()): Partner {
  const row = sqlite.prepare<[string], PartnerRow>('SELECT * FROM bundle_partners WHERE id = ?').get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'bundle.partnerNotFound', { id }, 'id');
  if (row.revoked_at === null) {
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE bundle_partners SET revoked_at = ? WHERE id = ?').run(now, id);
      appendAudit(sqlite, { actor, action: 'bundles.partner_revoke', target: row.key_id, detail: { name: row.name, officeCode: row.office_code }, at: now });
    })();
  }
  return toPartner(sqlite.prepare<[string], PartnerRow>('SELECT * FROM bundle_partners WHERE id = ?').get(id)!, keptAnchors(sqlite));
}
