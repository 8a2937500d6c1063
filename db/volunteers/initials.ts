import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a name, lower case, the family name read as one (单 → s): 张三 → zs. */
export function initialsOf(name: string): string {
  return pinyin(name.replace(/\s+/g, ''), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase();
}
