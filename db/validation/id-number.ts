import type { Gender } from '../schema/people';
import { toHalfWidth } from './half-width';

/**
 * 居民身份证号 (GB 11643-1999): 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit
 * sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
 *
 * The same 18-character layout is used by the residence permits of Hong Kong, Macao and Taiwan
 * residents (regions 810000, 820000, 830000) and by the 2023 foreign permanent residence ID
 * card (`9` + the 2-digit province code of the issuing office + a 3-digit nationality code),
 * so those validate here too and are told apart by `kind`.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82,
]);

/** Who the number belongs to, read from its first digits. */
export type IdNumberKind = 'resident' | 'hk_macao_taiwan_permit' | 'foreign_permanent_resident';

export type IdNumberResult =
  | {
      ok: true;
      /** Upper-case X, ASCII digits, no spaces. */
      normalized: string;
      kind: IdNumberKind;
      /** The 6-digit region code (for foreign permanent residents: `9`, province, nationality). */
      region: string;
      /** `YYYY-MM-DD`. */
      birthDate: string;
      gender: Gender;
    }
  | { ok: false; reason: string };

/** The check character of the first 17 digits: `0`–`9` or `X`. Throws unless given exactly 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`计算校验码需要17位数字，收到「${first17}」`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Today's calendar date in China (UTC+8, no daylight saving) as `YYYYMMDD`. */
function chinaToday(now: number): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

function regionKind(id: string): { kind: IdNumberKind } | { reason: string } {
  const first2 = Number(id.slice(0, 2));
  if (id[0] === '9' && PROVINCES.has(Number(id.slice(1, 3)))) return { kind: 'foreign_permanent_resident' };
  if (id.startsWith('830000') || ((first2 === 81 || first2 === 82) && id.slice(2, 6) === '0000')) {
    return { kind: 'hk_macao_taiwan_permit' };
  }
  if (!PROVINCES.has(first2)) return { reason: `前2位「${id.slice(0, 2)}」不是有效的省级行政区划代码` };
  return { kind: 'resident' };
}

/**
 * Checks a resident ID number and says precisely what is wrong with it. Accepts a lower-case
 * `x`, full-width characters and spaces between groups, and returns the normalised form.
 * `now` (ms) is for tests; a birth date after today (China time) is refused.
 */
export function validateIdNumber(input: string, options: { now?: number } = {}): IdNumberResult {
  const id = toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
  if (id.length === 0) return { ok: false, reason: '请输入身份证号' };
  if (/^\d{15}$/.test(id)) return { ok: false, reason: '这是15位的第一代身份证号，已停止使用，请填写18位身份证号' };
  if (id.length !== 18) return { ok: false, reason: `长度应为18位（当前${id.length}位）` };
  const badAt = /[^\d]/.exec(id.slice(0, 17));
  if (badAt) return { ok: false, reason: `前17位只能是数字（第${badAt.index + 1}位是「${badAt[0]}」）` };
  if (!/[\dX]/.test(id[17]!)) return { ok: false, reason: `第18位只能是数字或X（当前为「${id[17]}」）` };

  const region = regionKind(id);
  if ('reason' in region) return { ok: false, reason: region.reason };

  const ymd = id.slice(6, 14);
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: `出生日期无效：第7–14位「${ymd}」不是真实的日期` };
  }
  if (y < 1900) return { ok: false, reason: `出生日期无效：${y}年早于1900年` };
  if (ymd > chinaToday(options.now ?? Date.now())) return { ok: false, reason: `出生日期无效：${y}年${m}月${d}日晚于今天` };

  const expected = idNumberCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, reason: `第18位校验码应为${expected}（当前为${id[17]}），请核对每一位数字` };

  return {
    ok: true,
    normalized: id,
    kind: region.kind,
    region: id.slice(0, 6),
    birthDate: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
