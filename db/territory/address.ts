import type Database from 'better-sqlite3-multiple-ciphers';
import { addressInitials } from '../buildings/initials';
import { toHalfWidth } from '../validation/half-width';

const CN_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/**
 * An address as offices write it, folded to one spelling: half-width, no spaces, 栋/幢/座/# and a
 * bare 号 before 单元 all become 号楼, 一单元 becomes 1单元, 1-2-301 becomes 1号楼2单元301.
 */
export function normaliseAddress(raw: string): string {
  let s = toHalfWidth(raw).replace(/\s+/g, '').replace(/[一二三四五六七八九十](?=单元|号楼|栋|幢)/g, (d) => CN_DIGITS[d]!);
  s = s.replace(/(\d+)(?:号楼|栋|幢|座|#|号(?=\d+单元))/g, '$1号楼');
  s = s.replace(/(\d+)-(\d+)-(\d+)(室|号)?$/, '$1号楼$2单元$3');
  s = s.replace(/(单元)-?(\d+)(室|号)$/, '$1$2');
  return s;
}

/** The building part and the room part (「2单元301」) of a folded address. */
export function splitAddress(address: string): { building: string; room: string } {
  const m = /^(.*?\d+号楼)(.*)$/.exec(address);
  return m ? { building: m[1]!, room: m[2]! } : { building: address, room: '' };
}

export type BuildingMatch = { id: string; how: 'exact' | 'suffix' | 'pinyin' } | null;

interface Known {
  id: string;
  address: string;
  initials: string;
}

/** Buildings by folded address, for matching a register's addresses: exact, then by ending, then by pinyin initials. */
export class BuildingMatcher {
  private readonly known: Known[];
  private readonly exact = new Map<string, string>();

  constructor(sqlite: Database.Database) {
    this.known = sqlite
      .prepare<[], { id: string; address: string }>('SELECT id, address FROM buildings WHERE deleted = 0')
      .all()
      .map((b) => {
        const address = normaliseAddress(b.address);
        return { id: b.id, address, initials: addressInitials(address) };
      });
    for (const k of this.known) this.exact.set(k.address, k.id);
  }

  match(building: string): BuildingMatch {
    const exact = this.exact.get(building);
    if (exact) return { id: exact, how: 'exact' };
    const ends = this.known.filter((k) => k.address.endsWith(building) || building.endsWith(k.address));
    if (ends.length === 1) return { id: ends[0]!.id, how: 'suffix' };
    const initials = addressInitials(building);
    const sounds = this.known.filter((k) => k.initials === initials || k.initials.endsWith(initials));
    if (sounds.length === 1) return { id: sounds[0]!.id, how: 'pinyin' };
    return null;
  }
}
