/**
 * Key cards: an office's public identity as a few lines of text (and, in the UI, a QR code of
 * the same text) with a short fingerprint to read aloud on the phone.
 */
import { createHash } from 'node:crypto';
import { isAgeRecipient } from './identity';
import { parseMinisignPublicKey } from './minisign';

export interface KeyCard {
  name: string;
  officeCode: string;
  /** The minisign public key line `RWQ…`. */
  minisignPublicKey: string;
  /** The minisign key id (16 upper-case hex digits). */
  keyId: string;
  ageRecipient: string;
}

const HEADER = 'GridDesk 密钥卡 v1';

/** Twelve hex digits in three groups, over both public keys. */
export function fingerprint(card: Pick<KeyCard, 'minisignPublicKey' | 'ageRecipient'>): string {
  const hex = createHash('sha256').update(`${card.minisignPublicKey}\n${card.ageRecipient}`).digest('hex').slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

export function keyCardText(card: KeyCard): string {
  return [
    HEADER,
    `名称: ${card.name}`,
    `机构代码: ${card.officeCode}`,
    `签名公钥: ${card.minisignPublicKey}`,
    `加密公钥: ${card.ageRecipient}`,
    `指纹: ${fingerprint(card)}`,
    '',
  ].join('\n');
}

export class KeyCardError extends Error {}

/** Reads a key card's text; throws a `KeyCardError` naming the line that is wrong. */
export function parseKeyCard(text: string): KeyCard {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== HEADER) throw new KeyCardError(`这不是 GridDesk 密钥卡：第一行应为「${HEADER}」`);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const need = (label: string): string => {
    const value = fields.get(label);
    if (!value) throw new KeyCardError(`密钥卡缺少「${label}」一行`);
    return value;
  };
  const name = need('名称');
  const officeCode = need('机构代码');
  const minisignPublicKey = need('签名公钥');
  const ageRecipient = need('加密公钥');
  const signing = parseMinisignPublicKey(minisignPublicKey);
  if (!signing) throw new KeyCardError('密钥卡的「签名公钥」不是 minisign 公钥');
  if (!isAgeRecipient(ageRecipient)) throw new KeyCardError('密钥卡的「加密公钥」不是 age 公钥（age1…）');
  const card = { name, officeCode, minisignPublicKey, keyId: signing.keyId, ageRecipient };
  const printed = fields.get('指纹');
  if (printed && printed.toUpperCase() !== fingerprint(card)) throw new KeyCardError(`密钥卡的指纹 ${printed} 与公钥不符（应为 ${fingerprint(card)}），卡片可能被改动过`);
  return card;
}
