import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { previewImport } from '../../../db/imports/service';
import { importerOf, importJobs } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN } from '../helpers/actors';
import { csv, HEADER, openImportStreet, stage, upload, xlsx, type ImportStreet } from './fixture';

let s: ImportStreet;
beforeAll(() => {
  s = openImportStreet();
});
afterAll(() => s.close());

const ROWS = [
  ['watch', '观察', 'Watch', '#1677ff', 5],
  ['sealed', '封控', 'Sealed', '#cf1322', 30],
];

async function refused(bytes: Uint8Array | string, name: string, words: string[], sheet?: string) {
  const id = upload(s, name, bytes);
  const before = s.sqlite.prepare('SELECT count(*) FROM import_runs').pluck().get();
  const err = await Promise.resolve(stage(s, id, ADMIN, sheet)).then(
    () => null,
    (e: unknown) => e as Error & { code: string },
  );
  expect(err, 'staging should have been refused').not.toBeNull();
  expect(err!.code).toBe('INVALID_INPUT');
  for (const w of words) expect(err!.message).toContain(w);
  expect(s.sqlite.prepare('SELECT count(*) FROM import_runs').pluck().get()).toBe(before);
  return err!.message;
}

describe('reading spreadsheets', () => {
  it('reads an .xlsx, maps headers by name and alias, and skips blank rows', async () => {
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx([['状态代码', '状态名称', '颜色（#RRGGBB）', '级别', '备注'], ROWS[0]!.slice(0, 2).concat(['#1677ff', 5, '新增']), [], ['sealed', '封控', '#cf1322', 30]])));
    expect(run).toMatchObject({ sheet: '状态', sheets: ['状态'], headerRow: 1, status: 'ready', mappingSource: 'auto' });
    expect(run.mapping).toEqual({ key: 0, label: 1, labelEn: null, color: 2, rank: 3, retired: null });
    const preview = previewImport(s.host.context(ADMIN), importerOf, { id: run.id, page: 1, pageSize: 50 });
    expect(preview.rows.map((r) => [r.rowNo, r.outcome])).toEqual([
      [2, 'reject'],
      [4, 'unchanged'],
    ]);
    expect(preview.rows[0]!.problems).toEqual([{ column: '英文名称', reason: '请填写英文名称' }]);
  });

  it('reads the sheet asked for, and refuses a sheet that is not there, naming those that are', async () => {
    const bytes = await xlsx([['说明'], ['这张表不是数据']], { 数据: [HEADER, ...ROWS] }, '封面');
    const run = await stage(s, upload(s, '两张表.xlsx', bytes), ADMIN, '数据');
    expect(run).toMatchObject({ sheet: '数据', sheets: ['封面', '数据'], counts: { total: 2, create: 1, unchanged: 1 } });
    await refused(bytes, '两张表.xlsx', ['没有名为「汇总」的工作表', '封面、数据'], '汇总');
  });

  it('reads CSV in UTF-8 with and without a byte-order mark, and in GB18030 as Excel saves it on Chinese Windows', async () => {
    const text = csv([HEADER, ...ROWS]);
    const gbk = Buffer.from([
      ...[0xb4, 0xfa, 0xc2, 0xeb], 0x2c, ...[0xc3, 0xfb, 0xb3, 0xc6], 0x2c, ...[0xd3, 0xa2, 0xce, 0xc4, 0xc3, 0xfb, 0xb3, 0xc6], 0x2c,
      ...[0xd1, 0xd5, 0xc9, 0xab], 0x2c, ...[0xb5, 0xc8, 0xbc, 0xb6], 0x0d, 0x0a,
      ...Buffer.from('watch,'), ...[0xb9, 0xdb, 0xb2, 0xec], ...Buffer.from(',Watch,#1677ff,5\r\n'),
    ]);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('代码,名称,英文名称,颜色,等级\r\nwatch,观察,Watch,#1677ff,5\r\n');
    for (const [name, bytes] of [
      ['utf8.csv', Buffer.from(text)],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['gbk.csv', gbk],
    ] as const) {
      const run = await stage(s, upload(s, name, bytes));
      expect(run, name).toMatchObject({ sheet: null, sheets: [], headers: HEADER, status: 'ready' });
      const rows = previewImport(s.host.context(ADMIN), importerOf, { id: run.id, page: 1, pageSize: 50 }).rows;
      expect(rows[0], name).toMatchObject({ rowNo: 2, outcome: 'create', cells: ['watch', '观察', 'Watch', '#1677ff', '5'] });
    }
  });

  it('refuses files that are empty, not spreadsheets, or have no usable header, in Chinese', async () => {
    await refused('', '空.csv', ['是空的（0 字节）']);
    await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), '旧.xls', ['旧版 Excel', '另存为']);
    await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '照片.png', ['不是表格文件']);
    await refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), '坏.xlsx', ['不是有效的 Excel']);
    await refused(await xlsx([]), '空表.xlsx', ['工作表「状态」是空的']);
    await refused(await xlsx([HEADER]), '只有表头.xlsx', ['只有表头', '没有数据行']);
    await refused(await xlsx([ROWS[0]!, ROWS[1]!]), '无表头.xlsx', ['第 1 行应为表头', '数字']);
    await refused(csv([['watch', '观察', '#1677ff', '5']]), '无表头.csv', ['第 1 行应为表头']);
    await refused(await xlsx([['代码', '名称', '颜色', '名称 ', '等级'], ROWS[0]!]), '重复表头.xlsx', ['工作表「状态」的表头「名称」出现了两次', '第 B 列和第 D 列']);
  });

  it('names a workbook locked with an opening password as such, not as an old .xls', async () => {
    const locked: Buffer = await officeCrypto.encrypt(await xlsx([HEADER, ROWS[0]!]), { password: '123456' });
    expect(officeCrypto.isEncrypted(locked)).toBe(true);
    const message = await refused(locked, '加密.xlsx', ['「加密.xlsx」设置了打开密码', '删除密码']);
    expect(message).not.toContain('旧版');
  });

  it('stops at a required field without a column, then checks the rows once the user maps it', async () => {
    const run = await stage(s, upload(s, '缺列.xlsx', await xlsx([['代码', '状态名', '颜色', '等级', '英文名称'], ['watch', '观察', '#1677ff', 5, 'Watch']])));
    expect(run.status).toBe('needs_mapping');
    expect(run.problems).toEqual(['必填字段「名称」还没有对应的列（表头可写作：名称 / 状态名称 / 名字 / name / label）']);
    expect(run.counts.total).toBe(0);
    const ctx = s.host.context(ADMIN);
    await expect(Promise.resolve().then(() => importJobs.apply(ctx, { id: run.id }, directJob(ctx)))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const mapped = await importJobs.setMapping(ctx, { id: run.id, mapping: { ...run.mapping, label: 1 } }, directJob(ctx));
    expect(mapped).toMatchObject({ status: 'ready', mappingSource: 'chosen', problems: [], counts: { total: 1, create: 1 } });
    expect(() => importJobs.setMapping(ctx, { id: run.id, mapping: { ...run.mapping, label: 0 } }, directJob(ctx))).toThrowError(
      '「代码」和「名称」都对应了第 A 列「代码」，一列只能对应一个字段',
    );
    expect(() => importJobs.setMapping(ctx, { id: run.id, mapping: { label: 9 } }, directJob(ctx))).toThrowError('「名称」对应的列不存在（表格共 5 列）');
    expect(() => importJobs.setMapping(ctx, { id: run.id, mapping: { size: 1 } }, directJob(ctx))).toThrowError('没有名为「size」的字段');
  });

  it('remembers the mapping chosen for a sheet layout and offers it for the next file of that layout only', async () => {
    const header = ['编号', '显示名', '色', '严重度'];
    const ctx = s.host.context(ADMIN);
    const first = await stage(s, upload(s, '一月.xlsx', await xlsx([header, ['watch', '观察', '#1677ff', 5]])));
    expect(first).toMatchObject({ mappingSource: 'auto', status: 'needs_mapping' });
    await importJobs.setMapping(ctx, { id: first.id, mapping: { key: 0, label: 1, color: 2, rank: 3 } }, directJob(ctx));
    // Same headers (spacing and width aside), other data: the chosen mapping comes back.
    const again = await stage(s, upload(s, '二月.xlsx', await xlsx([[' 编号', '显示名 ', '色', '严重度'], ['quiet', '静默', '#eeeeee', 2]])));
    expect(again).toMatchObject({ mappingSource: 'remembered', status: 'ready', mapping: { key: 0, label: 1, labelEn: null, color: 2, rank: 3, retired: null } });
    const other = await stage(s, upload(s, '三月.xlsx', await xlsx([[...header, '备注'], ['quiet', '静默', '#eeeeee', 2, '']])));
    expect(other).toMatchObject({ mappingSource: 'auto', status: 'needs_mapping' });
  });

  it('reads a large workbook by streaming it', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`s${i}`, `状态${i}`, `S${i}`, '#123456', 1 + (i % 100)]);
    const run = await stage(s, upload(s, '大表.xlsx', await xlsx([HEADER, ...rows])));
    expect(run.counts).toEqual({ total: 20_000, create: 20_000, update: 0, unchanged: 0, conflict: 0, reject: 0 });
    const page = previewImport(s.host.context(ADMIN), importerOf, { id: run.id, page: 400, pageSize: 50 });
    expect(page.rows.at(-1)).toMatchObject({ rowNo: 20_001, cells: ['s19999', '状态19999', 'S19999', '#123456', '100'] });
    expect(page.total).toBe(20_000);
  });
});
