import { describe, expect, it } from 'vitest';
import { cleanFileName } from '../../../db/files/store';

describe('stored file names', () => {
  it('keep the name a person gave, without folders, control or direction-changing characters', () => {
    expect(cleanFileName('志愿者名单（第二批）.xlsx')).toBe('志愿者名单（第二批）.xlsx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\王\\名单.csv')).toBe('名单.csv');
    expect(cleanFileName('报表\u0000\u0007.xlsx')).toBe('报表.xlsx');
    expect(cleanFileName('invoice\u202Excl.exe')).toBe('invoicexcl.exe');
  });

  it('never give `.`, `..` or nothing, and cut long names on a whole character', () => {
    expect(cleanFileName('..')).toBe('未命名文件');
    expect(cleanFileName('.')).toBe('未命名文件');
    expect(cleanFileName('   ')).toBe('未命名文件');
    const long = `${'名'.repeat(159)}😀😀`;
    const cut = cleanFileName(long);
    expect([...cut]).toHaveLength(160);
    expect(cut.endsWith('😀')).toBe(true);
  });
});
