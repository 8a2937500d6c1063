import type Database from 'better-sqlite3-multiple-ciphers';
import { buildings } from '../schema';
import { updateDerived } from '../sync/write';
import { cachedAddressInitials } from './initials';

/**
 * Databases created before `address_initials` existed hold '' there. Fills those once, in one
 * transaction; a derived search key, so the rows' merge stamps stay as they are.
 */
export function ensureAddressInitials(sqlite: Database.Database): number {
  const missing = sqlite.prepare<unknown[], { id: string; address: string }>(`SELECT id, address FROM buildings WHERE address_initials = ''`).all();
  if (missing.length === 0) return 0;
  const initials = cachedAddressInitials();
  sqlite.transaction(() => {
    for (const b of missing) updateDerived(sqlite, buildings, b.id, { addressInitials: initials(b.address) || '-' });
  })();
  return missing.length;
}

/** `%`/`_`-safe LIKE pattern for a substring, with `\` as the escape character. */
export function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
