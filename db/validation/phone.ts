import { toHalfWidth } from './half-width';

/**
 * Chinese telephone numbers as people write them on forms:
 * - mobile: 11 digits `1[3-9]xxxxxxxxx`, optionally after `+86`, `0086` or `86`;
 * - landline: trunk `0` + area code, then a 7–8 digit local number (never starting with 0; the
 *   numbering plan starts them with 2–9, but 1 is let through), optionally an extension
 *   (`-123`, `转123`, `分机123`, `ext 123`). Area codes with 2 digits after the `0` are exactly
 *   010 and 020–029 (and their local numbers have 8 digits); all others have 3. `+86 532 …`
 *   (international form, no trunk 0) is accepted too;
 * - service: numbers a street office really files as contacts: emergency (110, 112, 119, 120,
 *   122), government and public-service hotlines 12xxx (12345 市民热线, 12315, 12320, …),
 *   carriers' 100xx, enterprise 95xxx(x) and local 96xxx(x) numbers, and 400/800 numbers.
 *   They are not a person's phone: pass `accept: ['mobile', 'landline']` where one is required.
 *
 * Normalised forms: mobile `13812345678`; landline `0532-82861234` or `0532-82861234转123`;
 * service digits only, except `400-xxx-xxxx` / `800-xxx-xxxx`.
 */
export type PhoneKind = 'mobile' | 'landline' | 'service';

export type PhoneResult = { ok: true; kind: PhoneKind; normalized: string } | { ok: false; reason: string };

const KIND_LABELS: Record<PhoneKind, string> = { mobile: '手机号', landline: '固定电话', service: '服务热线号码' };

const SERVICE = /^(?:11[0249]|12[02]|12\d{3}|100\d{2}|9[56]\d{3,4})$/;
const TOLL_FREE = /^([48]00)(\d{3})(\d{4})$/;
/** Area codes after the trunk 0: 10, 20–29 (two digits) or 3 digits starting 3–9. */
const SHORT_AREA = /^(?:10|2\d)$/;
const LONG_AREA = /^[3-9]\d{2}$/;

function landline(area: string, local: string, ext: string | undefined): PhoneResult {
  const short = SHORT_AREA.test(area);
  if (!short && !LONG_AREA.test(area)) return { ok: false, reason: `区号「0${area}」无效：区号为010、020–029或0加3位数字（如0532）` };
  if (local.startsWith('0')) return { ok: false, reason: `区号后的本地号码不能以0开头（当前为${local}）` };
  if (short && local.length !== 8) return { ok: false, reason: `区号0${area}的固定电话本地号码应为8位（当前${local.length}位）` };
  if (local.length < 7 || local.length > 8) return { ok: false, reason: `固定电话本地号码应为7–8位（当前${local.length}位）` };
  return { ok: true, kind: 'landline', normalized: `0${area}-${local}${ext ? `转${ext}` : ''}` };
}

/** Splits a run of digits that starts after the trunk 0 into area code and local number. */
function splitArea(digits: string): [string, string] {
  const n = SHORT_AREA.test(digits.slice(0, 2)) ? 2 : 3;
  return [digits.slice(0, n), digits.slice(n)];
}

function classify(s: string): PhoneResult {
  // Extension written out: 转123, 分机123, ext 123, #123, x123.
  let ext: string | undefined;
  const named = /^(.*?)\s*(?:转|分机|ext\.?|[#x])\s*(\d{1,6})$/i.exec(s);
  if (named) {
    ext = named[2];
    s = named[1]!;
  }
  // International form: +86 / 0086, then a mobile number or an area code without its trunk 0.
  const intl = /^[(（]?(?:\+|00)86[)）]?(.*)$/.exec(s);
  if (intl) s = intl[1]!;
  s = s.replace(/^\s*-?\s*\(([^)]*)\)/, '$1-').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (s.length === 0) return { ok: false, reason: '请输入电话号码' };
  const bad = /[^\d-]/.exec(s);
  if (bad) return { ok: false, reason: `电话号码只能包含数字、空格、短横线、括号和+86（发现「${bad[0]}」）` };

  let digits = s.replace(/-/g, '');
  const mobile = intl ? /^(1\d{10})$/.exec(digits) : /^(?:86)?(1\d{10})$/.exec(digits);
  if (mobile) {
    const number = mobile[1]!;
    if (!/^1[3-9]/.test(number)) return { ok: false, reason: `手机号第2位应为3–9（当前为${number[1]}）` };
    if (ext) return { ok: false, reason: '手机号不能带分机号' };
    return { ok: true, kind: 'mobile', normalized: number };
  }
  if (intl) {
    if (digits.startsWith('0')) return { ok: false, reason: '国际格式（+86）的固定电话区号前不加0，如+86 532 82861234' };
    if (digits.startsWith('1') && !SHORT_AREA.test(digits.slice(0, 2))) return { ok: false, reason: `手机号应为11位（当前${digits.length}位）` };
    s = `0${s}`;
    digits = `0${digits}`;
  }

  if (digits.startsWith('0')) {
    const groups = s.split('-');
    const head = groups[0]!;
    // 0532-82861234, 010-12345678-123, 0532-8286-1234 (local number written in groups).
    if (groups.length >= 2 && head.length >= 3 && head.length <= 4) {
      const rest = groups.slice(1);
      if (!ext && rest.length >= 2 && rest[rest.length - 1]!.length <= 6 && rest.slice(0, -1).join('').length >= 7) ext = rest.pop();
      return landline(head.slice(1), rest.join(''), ext);
    }
    // 053282861234: the area code's length follows from its first digits.
    const [area, local] = splitArea(digits.slice(1));
    return landline(area, local, ext);
  }

  if (!ext) {
    if (SERVICE.test(digits)) return { ok: true, kind: 'service', normalized: digits };
    const free = TOLL_FREE.exec(digits);
    if (free) return { ok: true, kind: 'service', normalized: `${free[1]}-${free[2]}-${free[3]}` };
  }
  if (digits.startsWith('1')) {
    if (!/^1[3-9]/.test(digits)) return { ok: false, reason: `手机号第2位应为3–9（当前为${digits[1]}）` };
    return { ok: false, reason: `手机号应为11位（当前${digits.length}位）` };
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, reason: '固定电话请加区号，如0532-82861234' };
  return { ok: false, reason: '无法识别的电话号码：应为11位手机号、带区号的固定电话（如0532-82861234）或12345等服务号码' };
}

/**
 * Checks a telephone number and says precisely what is wrong with it. `accept` narrows the
 * kinds allowed (default: all three); a recognised number of another kind is refused by name.
 */
export function validatePhone(input: string, options: { accept?: readonly PhoneKind[] } = {}): PhoneResult {
  const result = classify(toHalfWidth(input).trim());
  const accept = options.accept ?? ['mobile', 'landline', 'service'];
  if (result.ok && !accept.includes(result.kind)) {
    return { ok: false, reason: `这是${KIND_LABELS[result.kind]}，此处需要${accept.map((k) => KIND_LABELS[k]).join('或')}` };
  }
  return result;
}
