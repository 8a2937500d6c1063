import { describe, expect, it } from 'vitest';
import { dateOf, foldCell, genderOf, hasPictograph, phoneDamage } from '../../../db/volunteers/normalise';
import { kindOf } from '../../../db/volunteers/words';

const TODAY = '2026-12-03';

describe('sign-up sheet values brought to one form', () => {
  it('reads the common Chinese date formats as one date', () => {
    for (const text of ['1990年1月2日', '1990.1.2', '1990/01/02', '1990-1-2', '19900102', '１９９０年１月２日', ' 1990 年 1 月 2 日 ', '1990-01-02 00:00']) {
      expect(dateOf(text, TODAY), text).toEqual({ ok: true, date: '1990-01-02' });
    }
  });

  it('refuses dates that do not exist or lie ahead, and names Excel serial numbers', () => {
    expect(dateOf('1990年2月30日', TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('不存在') });
    expect(dateOf('2030.1.1', TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('晚于今天') });
    expect(dateOf('32875', TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('Excel 把日期存成的序号') });
    expect(dateOf('去年春天', TODAY)).toMatchObject({ ok: false, reason: expect.stringContaining('看不懂日期') });
  });

  it('folds full-width digits, letters and spaces', () => {
    expect(foldCell('１３８　１２３４　５６７８')).toBe('138 1234 5678');
    expect(foldCell('  张\u3000三 ')).toBe('张 三');
  });

  it('reads 男/女 as sheets write them', () => {
    expect(['男', '男性', 'M', '1'].map(genderOf)).toEqual(['male', 'male', 'male', 'male']);
    expect(['女', '女性', 'f', '２'].map(genderOf)).toEqual(['female', 'female', 'female', 'female']);
    expect(genderOf('未知')).toBeNull();
  });

  it('names phones Excel kept as numbers', () => {
    expect(phoneDamage('1.38123E+10')).toMatch(/存成了数字/);
    expect(phoneDamage('13812345678.0')).toMatch(/带小数/);
    expect(phoneDamage('13812345678')).toBeNull();
  });

  it('finds emoji in a name', () => {
    expect(hasPictograph('张三😷')).toBe(true);
    expect(hasPictograph('张三')).toBe(false);
  });

  it('reads the kinds as communities write them', () => {
    expect(kindOf('在职党员报到')).toBe('registered_party');
    expect(kindOf('下沉干部')).toBe('cadre');
    expect(kindOf('党员')).toBe('party');
    expect(kindOf('青年志愿者')).toBe('youth');
    expect(kindOf('巾帼')).toBe('women');
    expect(kindOf('群众')).toBe('public');
    expect(kindOf('外星人')).toBeNull();
  });
});
