import type Database from 'better-sqlite3-multiple-ciphers';
import { cachedAddressInitials } from './initials';

/**
 * Databases created before `address_initials` existed hold '' there. Fills those once, in one
 * transaction; a derived search key, so the rows' merge stamps stay as they are.
 */
export function ensureAddressInitials(sqlite: Database.Database): number {
  const missing = sqlite.prepare<unknown[], { id: string; address: string }>(`SELECT id, address FROM buildings WHERE address_initials = ''`).all();
  if (missing.length === 0) return 0;
  const initials = cachedAddressInitials();
  const update = sqlite.prepare('UPDATE buildings SET address_initials = ? WHERE id = ?');
  sqlite.transaction(() => {
    for (const b of missing) update.run(initials(b.address) || '-', b.id);
  })();
  return missing.length;
}

/** `%`/`_`-safe LIKE pattern for a substring, with `\` as the escape character. */
export function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
