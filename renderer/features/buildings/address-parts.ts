/** The words an address starts with that every building of a community shares. */
const SHARED = /(街道|社区)$/;

export interface AddressParts {
  /** What tells this building from its neighbours, most particular first: 「1号楼 · 26号院」. */
  distinct: string;
  /** The street and community it starts with: 「中山路街道 永安西里社区」. */
  area: string;
}

/**
 * An address (「中山路街道 永安西里社区 26号院 1号楼」) split for narrow places: the part that tells
 * buildings apart first, the street and community after it.
 */
export function addressParts(address: string): AddressParts {
  const words = address.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && SHARED.test(words[i]!)) i += 1;
  return { distinct: words.slice(i).reverse().join(' · '), area: words.slice(0, i).join(' ') };
}
