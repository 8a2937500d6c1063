import type { EncodingChoice } from '../../../electron/api/territory';

/** The encoding a .cpg names, as `utf-8` or `gbk`, or null for one we do not take from it. */
export function encodingOfCpg(cpg: string | null): 'utf-8' | 'gbk' | null {
  if (!cpg) return null;
  const name = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (['utf-8', 'utf8', '65001'].includes(name)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', 'cp936', 'windows-936'].includes(name)) return 'gbk';
  return null;
}

/** The records of a .dbf (after its header) decode as UTF-8 without an invalid byte sequence. */
function dbfIsUtf8(dbf: Uint8Array): boolean {
  const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : dbf.length;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding to read a .dbf with: the user's choice, else the .cpg, else UTF-8 when every byte
 * sequence is valid UTF-8 and GBK (what Chinese GIS software writes) otherwise.
 */
export function dbfEncoding(dbf: Uint8Array, cpg: string | null, choice: EncodingChoice): { encoding: 'utf-8' | 'gbk'; detected: boolean } {
  if (choice !== 'auto') return { encoding: choice, detected: false };
  const named = encodingOfCpg(cpg);
  if (named) return { encoding: named, detected: true };
  return { encoding: dbfIsUtf8(dbf) ? 'utf-8' : 'gbk', detected: true };
}
