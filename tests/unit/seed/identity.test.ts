import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isValidIdNumber, isValidMobile, makeIdNumber } from '../../../db/seed/identity';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard examples and computes their check characters', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check character, a wrong date or a wrong format', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('370202199902300011')).toBe(false);
    expect(isValidIdNumber('37020219990101001')).toBe(false);
  });

  it('makes valid numbers with region, birth date and sex digit', () => {
    const id = makeIdNumber('370202', new Date(Date.UTC(1985, 4, 9)), 123);
    expect(id.slice(0, 17)).toBe('37020219850509123');
    expect(isValidIdNumber(id)).toBe(true);
  });
});

describe('mobile numbers', () => {
  it('accepts 13x/15x/18x/19x numbers of 11 digits only', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('15912345678')).toBe(true);
    expect(isValidMobile('18612345678')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
    expect(isValidMobile('1381234567')).toBe(false);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('15412345678')).toBe(false);
  });
});
