import { toHalfWidth } from '../validation/half-width';

/**
 * What communities type into sign-up sheets, brought to one form: full-width digits, letters
 * and spaces folded, runs of spaces made one, trimmed.
 */
export function foldCell(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** 男/女 as sheets write them (男性, M, 1 …); null when it is neither. */
export function genderOf(text: string): 'male' | 'female' | null {
  const t = foldCell(text).toLowerCase();
  if (['男', '男性', 'm', 'male', '1'].includes(t)) return 'male';
  if (['女', '女性', 'f', 'female', '2'].includes(t)) return 'female';
  return null;
}

export type DateRead = { ok: true; date: string } | { ok: false; reason: string };

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number, raw: string): DateRead {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: `日期「${raw}」不存在，请检查年月日` };
  }
  if (y < 1900) return { ok: false, reason: `日期「${raw}」早于 1900 年` };
  return { ok: true, date: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * A date as Chinese sheets write it: 1990年1月2日, 1990.1.2, 1990/01/02, 1990-1-2, 19900102 (and
 * what the reader makes of a date cell, 1990-01-02). A bare number of 5 digits is Excel's serial
 * number — a date cell saved as a number — and is named as that damage, never guessed at.
 */
export function dateOf(text: string, today: string): DateRead {
  const raw = foldCell(text);
  const t = raw.replace(/\s+/g, '');
  let m = /^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) m = /^(\d{4})-(\d{2})-(\d{2})\s?\d{2}:\d{2}$/.exec(raw);
  if (m) {
    const read = realDate(Number(m[1]), Number(m[2]), Number(m[3]), raw);
    if (read.ok && read.date > today) return { ok: false, reason: `日期「${raw}」晚于今天` };
    return read;
  }
  if (/^\d{4,5}(\.\d+)?$/.test(t)) {
    return { ok: false, reason: `「${raw}」是 Excel 把日期存成的序号：请把这一列设为“日期”或写成 1990年1月2日 后重新导入` };
  }
  return { ok: false, reason: `看不懂日期「${raw}」：请写成 1990年1月2日、1990.1.2、1990/01/02 或 19900102` };
}

/**
 * Excel's damage to a phone number kept as a number: shown in scientific notation (1.38123E+10)
 * or with a decimal tail (13812345678.0). Named, never repaired.
 */
export function phoneDamage(raw: string): string | null {
  const t = foldCell(raw);
  if (/^\d(\.\d+)?E\+?\d+$/i.test(t)) return `Excel 把电话号码存成了数字（显示为 ${t}），后几位已丢失：请把这一列设为“文本”后重新填写`;
  if (/^\d{7,11}\.\d+$/.test(t)) return `电话号码「${t}」带小数，是 Excel 把它当作数字保存所致：请把这一列设为“文本”后重新填写`;
  return null;
}

/** Emoji and other pictographs: a name or a unit never holds them. */
export function hasPictograph(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text);
}
