import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of an address for search, lower case, without spaces; digits and Latin
 * letters kept as they are: 中山路12号3号楼 → zsl12h3hl.
 */
export function addressInitials(address: string): string {
  return pinyin(address, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** addressInitials with the words (split at spaces) remembered: many addresses share their street and community. */
export function cachedAddressInitials(): (address: string) => string {
  const words = new Map<string, string>();
  return (address) =>
    address
      .split(/\s+/)
      .map((word) => {
        let initials = words.get(word);
        if (initials === undefined) {
          initials = addressInitials(word);
          words.set(word, initials);
        }
        return initials;
      })
      .join('');
}
