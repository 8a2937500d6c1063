import type Database from 'better-sqlite3-multiple-ciphers';
import { addressInitials } from '../buildings/initials';

/** What was typed, in the forms the searches compare: as written, as pinyin initials, as phone digits. */
export interface SearchText {
  text: string;
  /** Lower case without spaces: how `address_initials` and the names' initials are written. */
  initials: string;
  /** The digits of a phone number's end (4–11 digits, spaces and dashes dropped), or null. */
  phoneTail: string | null;
}

export function searchText(raw: string): SearchText {
  const text = raw.trim();
  const compact = text.replace(/[\s-]+/g, '');
  return {
    text,
    initials: text.replace(/\s+/g, '').toLowerCase(),
    phoneTail: /^\d{4,11}$/.test(compact) ? compact : null,
  };
}

/** The street office's name and its initials: the start every address shares, which search skips. */
export interface StreetPrefix {
  name: string;
  initials: string;
}

export function streetPrefix(sqlite: Database.Database): StreetPrefix {
  const name = sqlite.prepare<unknown[], string>('SELECT name FROM street_offices WHERE deleted = 0 ORDER BY code LIMIT 1').pluck().get() ?? '';
  return { name, initials: name ? addressInitials(name) : '' };
}

const namesSeen = new Map<string, string>();

/** Pinyin initials of a name (幸福里社区 → xflsq), remembered: names seldom change and are few. */
export function nameInitials(name: string): string {
  let initials = namesSeen.get(name);
  if (initials === undefined) {
    initials = addressInitials(name);
    if (namesSeen.size > 50_000) namesSeen.clear();
    namesSeen.set(name, initials);
  }
  return initials;
}

/** Whether a name holds what was typed, as written or as its pinyin initials. */
export function nameMatches(name: string, q: SearchText): boolean {
  return name.toLowerCase().includes(q.text.toLowerCase()) || nameInitials(name.replace(/\s+/g, '')).includes(q.initials);
}

/** The address without the street office's name in front: 「永安西里社区 26号院 1号楼」. */
export function addressLabel(address: string, street: StreetPrefix): string {
  return street.name && address.startsWith(street.name) ? address.slice(street.name.length).trim() : address;
}

/** 「幸福里社区 · 第1网格」: a grid is never named without its community. */
export function gridDisplayName(communityName: string, gridName: string): string {
  return `${communityName} · ${gridName}`;
}
