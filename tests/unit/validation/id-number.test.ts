import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, validateIdNumber } from '../../../db/validation/id-number';

/** 2026-11-23 12:00 in Beijing. */
const NOW = Date.UTC(2026, 10, 23, 4);
const check = (s: string) => validateIdNumber(s, { now: NOW });
const reason = (s: string) => {
  const r = check(s);
  return r.ok ? `valid: ${s}` : r.reason;
};

describe('idNumberCheckChar', () => {
  it('computes the ISO 7064 MOD 11-2 check character, X included', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X'); // the example of GB 11643-1999
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('37020219800101123')).toBe('2');
    expect(idNumberCheckChar('44030620000229561')).toBe('9');
    expect(idNumberCheckChar('00000000000000000')).toBe('1');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(/17位/);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(/17位/);
  });
});

describe('validateIdNumber', () => {
  it('accepts real-shaped numbers and reads birth date, gender and region', () => {
    expect(check('11010519491231002X')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      kind: 'resident',
      region: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(check('370202198001011232')).toMatchObject({ ok: true, birthDate: '1980-01-01', gender: 'male', region: '370202' });
    expect(check('370212199506150024')).toMatchObject({ ok: true, birthDate: '1995-06-15', gender: 'female' });
    expect(check('440306200002295619')).toMatchObject({ ok: true, birthDate: '2000-02-29' }); // leap day
    expect(check('51010720240531002X')).toMatchObject({ ok: true, birthDate: '2024-05-31' });
    expect(check('650102190101010013')).toMatchObject({ ok: true, birthDate: '1901-01-01' });
    expect(check('71010019700101002X')).toMatchObject({ ok: true, kind: 'resident' });
  });

  it('normalises a lower-case x, full-width characters and spaces between groups', () => {
    expect(check('11010519491231002x')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(check(' 110105 19491231 002X ')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(check('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('tells residence permits of Hong Kong, Macao and Taiwan residents and foreign permanent residents apart', () => {
    expect(check('810000198503120029')).toMatchObject({ ok: true, kind: 'hk_macao_taiwan_permit', gender: 'female' });
    expect(check('830000199001010012')).toMatchObject({ ok: true, kind: 'hk_macao_taiwan_permit', gender: 'male' });
    expect(check('93115619800101001X')).toMatchObject({ ok: true, kind: 'foreign_permanent_resident', birthDate: '1980-01-01' });
  });

  it('names the expected check character', () => {
    expect(reason('110105194912310021')).toBe('第18位校验码应为X（当前为1），请核对每一位数字');
    expect(reason('370202198001011233')).toBe('第18位校验码应为2（当前为3），请核对每一位数字');
    // One digit mistyped (1980 → 1981) still gives a real date; the check character catches it.
    expect(reason('370202198101011232')).toMatch(/^第18位校验码应为[\dX]（当前为2）/);
    // Two neighbouring digits swapped.
    expect(reason('370202198001012132')).toMatch(/^第18位校验码应为/);
  });

  it('refuses dates that do not exist, lie in the future or before 1900', () => {
    expect(reason('37020219990230001X')).toBe('出生日期无效：第7–14位「19990230」不是真实的日期');
    expect(reason('370202190002290011')).toMatch(/「19000229」不是真实的日期/); // 1900 was no leap year
    expect(reason('370202198013010011')).toMatch(/「19801301」不是真实的日期/);
    expect(reason('370202198001000011')).toMatch(/「19800100」不是真实的日期/);
    expect(reason('370202000000000011')).toMatch(/不是真实的日期/);
    expect(reason('370202209912310015')).toBe('出生日期无效：2099年12月31日晚于今天');
    expect(reason('37020218991231001X')).toBe('出生日期无效：1899年早于1900年');
  });

  it('takes today in Beijing time: born today is fine, tomorrow is not', () => {
    const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
    const justAfterMidnightBeijing = Date.UTC(2026, 10, 22, 16, 30); // 2026-11-23 00:30 +08:00
    expect(validateIdNumber(withCheck('37020220261123001'), { now: justAfterMidnightBeijing }).ok).toBe(true);
    expect(validateIdNumber(withCheck('37020220261124001'), { now: justAfterMidnightBeijing })).toMatchObject({ ok: false, reason: expect.stringMatching(/晚于今天/) });
  });

  it('refuses a region that is no province', () => {
    expect(reason('990100198001010018')).toBe('前2位「99」不是有效的省级行政区划代码');
    expect(reason('000000198001010018')).toBe('前2位「00」不是有效的省级行政区划代码');
    expect(reason('160100198001010018')).toBe('前2位「16」不是有效的省级行政区划代码');
    expect(reason('470100198001010018')).toBe('前2位「47」不是有效的省级行政区划代码');
    expect(reason('550100198001010018')).toBe('前2位「55」不是有效的省级行政区划代码');
    expect(reason('900100198001010018')).toBe('前2位「90」不是有效的省级行政区划代码');
  });

  it('says exactly what is wrong with the length or the characters', () => {
    expect(reason('')).toBe('请输入身份证号');
    expect(reason('   ')).toBe('请输入身份证号');
    expect(reason('37020219800101123')).toBe('长度应为18位（当前17位）');
    expect(reason('3702021980010112321')).toBe('长度应为18位（当前19位）');
    expect(reason('370202800101123')).toBe('这是15位的第一代身份证号，已停止使用，请填写18位身份证号');
    expect(reason('37020219800I011232')).toBe('前17位只能是数字（第12位是「I」）');
    expect(reason('3702021980010112-2')).toBe('前17位只能是数字（第17位是「-」）');
    expect(reason('37020219800101123Y')).toBe('第18位只能是数字或X（当前为「Y」）');
    expect(reason('X70202198001011232')).toBe('前17位只能是数字（第1位是「X」）');
  });
});
