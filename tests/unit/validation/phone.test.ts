import { describe, expect, it } from 'vitest';
import { validatePhone, type PhoneKind } from '../../../db/validation/phone';

const ok = (input: string, kind: PhoneKind, normalized: string) => expect(validatePhone(input)).toEqual({ ok: true, kind, normalized });
const reason = (input: string, accept?: PhoneKind[]) => {
  const r = validatePhone(input, accept ? { accept } : {});
  return r.ok ? `valid: ${r.kind} ${r.normalized}` : r.reason;
};

describe('validatePhone: mobile numbers', () => {
  it('accepts 11 digits 1[3-9]…, with +86 / 0086 / 86 and spaces or hyphens', () => {
    ok('13812345678', 'mobile', '13812345678');
    ok('138 1234 5678', 'mobile', '13812345678');
    ok('138-1234-5678', 'mobile', '13812345678');
    ok('+86 138 1234 5678', 'mobile', '13812345678');
    ok('+8613812345678', 'mobile', '13812345678');
    ok('+86-13812345678', 'mobile', '13812345678');
    ok('0086 13812345678', 'mobile', '13812345678');
    ok('8613812345678', 'mobile', '13812345678');
    ok('(+86) 13812345678', 'mobile', '13812345678');
    ok('１３８１２３４５６７８', 'mobile', '13812345678');
    for (const n of ['13012345678', '14712345678', '15912345678', '16612345678', '17012345678', '18612345678', '19912345678']) ok(n, 'mobile', n);
  });

  it('says what is wrong with a mobile number', () => {
    expect(reason('1381234567')).toBe('手机号应为11位（当前10位）');
    expect(reason('138123456789')).toBe('手机号应为11位（当前12位）');
    expect(reason('+86 138123456')).toBe('手机号应为11位（当前9位）');
    expect(reason('12812345678')).toBe('手机号第2位应为3–9（当前为2）');
    expect(reason('10812345678')).toBe('手机号第2位应为3–9（当前为0）');
    expect(reason('13812345678转12')).toBe('手机号不能带分机号');
    expect(reason('138abcd5678')).toBe('电话号码只能包含数字、空格、短横线、括号和+86（发现「a」）');
    expect(reason('138.1234.5678')).toBe('电话号码只能包含数字、空格、短横线、括号和+86（发现「.」）');
    expect(reason('')).toBe('请输入电话号码');
    expect(reason(' - ')).toBe('请输入电话号码');
  });
});

describe('validatePhone: landlines', () => {
  it('accepts area code + 7–8 digits, written the usual ways', () => {
    ok('0532-82861234', 'landline', '0532-82861234');
    ok('010-12345678', 'landline', '010-12345678');
    ok('021-62345678', 'landline', '021-62345678');
    ok('0755-2345678', 'landline', '0755-2345678');
    ok('（+86）532-82861234', 'landline', '0532-82861234');
    ok('053282861234', 'landline', '0532-82861234');
    ok('01062345678', 'landline', '010-62345678');
    ok('(0532) 8286 1234', 'landline', '0532-82861234');
    ok('（0532）82861234', 'landline', '0532-82861234');
    ok('0532 8286 1234', 'landline', '0532-82861234');
    ok('0532-8286-1234', 'landline', '0532-82861234');
    ok('+86 532 82861234', 'landline', '0532-82861234');
    ok('+86-10-62345678', 'landline', '010-62345678');
    ok('0086 21 62345678', 'landline', '021-62345678');
  });

  it('accepts an extension as -123, 转123, 分机123 or ext 123', () => {
    ok('0532-82861234-123', 'landline', '0532-82861234转123');
    ok('0532-82861234转123', 'landline', '0532-82861234转123');
    ok('010-12345678 转 8001', 'landline', '010-12345678转8001');
    ok('0532-82861234分机6', 'landline', '0532-82861234转6');
    ok('0532 82861234 ext. 123', 'landline', '0532-82861234转123');
    ok('010-1234-5678-123', 'landline', '010-12345678转123');
  });

  it('says what is wrong with a landline', () => {
    expect(reason('82861234')).toBe('固定电话请加区号，如0532-82861234');
    expect(reason('2861234')).toBe('固定电话请加区号，如0532-82861234');
    expect(reason('010-2345678')).toBe('区号010的固定电话本地号码应为8位（当前7位）');
    expect(reason('0532-828612345')).toBe('固定电话本地号码应为7–8位（当前9位）');
    expect(reason('0532-828612')).toBe('固定电话本地号码应为7–8位（当前6位）');
    expect(reason('011-12345678')).toBe('区号「011」无效：区号为010、020–029或0加3位数字（如0532）');
    expect(reason('0032-82861234')).toBe('区号「0032」无效：区号为010、020–029或0加3位数字（如0532）');
    expect(reason('0532-02861234')).toBe('区号后的本地号码不能以0开头（当前为02861234）');
    expect(reason('+86 0532 82861234')).toBe('国际格式（+86）的固定电话区号前不加0，如+86 532 82861234');
  });
});

describe('validatePhone: service numbers', () => {
  it('recognises hotlines a street office files as contacts', () => {
    ok('12345', 'service', '12345');
    ok('12315', 'service', '12315');
    ok('12320', 'service', '12320');
    ok('110', 'service', '110');
    ok('119', 'service', '119');
    ok('120', 'service', '120');
    ok('10086', 'service', '10086');
    ok('95588', 'service', '95588');
    ok('96777', 'service', '96777');
    ok('400-123-4567', 'service', '400-123-4567');
    ok('8001234567', 'service', '800-123-4567');
  });

  it('refuses them where a person’s phone is required, and says why', () => {
    expect(reason('12345', ['mobile', 'landline'])).toBe('这是服务热线号码，此处需要手机号或固定电话');
    expect(reason('0532-82861234', ['mobile'])).toBe('这是固定电话，此处需要手机号');
    expect(reason('13812345678', ['mobile', 'landline'])).toBe('valid: mobile 13812345678');
  });

  it('does not take just any short number for a service number', () => {
    expect(reason('123')).toBe('手机号第2位应为3–9（当前为2）');
    expect(reason('4001234')).toBe('固定电话请加区号，如0532-82861234');
    expect(reason('999')).toBe('无法识别的电话号码：应为11位手机号、带区号的固定电话（如0532-82861234）或12345等服务号码');
  });
});
