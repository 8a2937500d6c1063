import { describe, expect, it } from 'vitest';
import { fillMappingGaps } from '../../../db/imports/mapping';

describe('a remembered column mapping', () => {
  it('keeps what the person chose and fills the fields it leaves open from the header names', () => {
    // Remembered: only 颜色 was chosen (on column 1); the headers name 代码, 名称 and 等级 plainly.
    const remembered = { color: 1, key: null };
    const auto = { key: 0, label: 2, color: 3, rank: 4, labelEn: null };
    expect(fillMappingGaps(remembered, auto)).toEqual({ color: 1, key: 0, label: 2, rank: 4 });
  });

  it('never lets a filled gap read a column the person gave to another field', () => {
    expect(fillMappingGaps({ label: 0 }, { key: 0, label: 1 })).toEqual({ label: 0 });
  });
});
