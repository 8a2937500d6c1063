import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../../db/imports/service';
import { importerOf } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN, STAFF } from '../helpers/actors';
import { dataState, HEADER, openImportStreet, stage, upload, xlsx, type ImportStreet } from './fixture';

let s: ImportStreet;
beforeAll(() => {
  s = openImportStreet();
});
afterAll(() => s.close());

const preview = (id: string, outcome?: 'create' | 'update' | 'unchanged' | 'conflict' | 'reject', page = 1, pageSize = 50) =>
  previewImport(s.host.context(ADMIN), importerOf, { id, ...(outcome ? { outcome } : {}), page, pageSize });

describe('checking and classifying rows', () => {
  it('rejects each kind of bad row with its row number, column and reason, and classifies the rest', async () => {
    const before = dataState(s.sqlite);
    const run = await stage(
      s,
      upload(
        s,
        '状态.xlsx',
        await xlsx([
          [...HEADER, '停用'],
          ['watch', '观察', 'Watch', '#1677FF', 5, '否'], // 2 create
          ['sealed', '封控', 'Sealed', '#CF1322', 30, ''], // 3 unchanged (colour case aside)
          ['precaution', '防范', 'Precaution', '#faad14', 12, '否'], // 4 update
          ['pink', '粉色', 'Pink', '粉红', 7, ''], // 5 bad colour
          ['dup', '重复一', 'Dup', '#111111', 3, ''], // 6 duplicate code
          ['dup', '重复二', 'Dup', '#222222', 4, ''], // 7 duplicate code
          ['Bad-Key', '坏代码', 'Bad', '#333333', 3, ''], // 8 key pattern
          ['far', '太远', 'Far', '#444444', 150, ''], // 9 rank out of range
          ['word', '文字', 'Word', '#555555', '很高', ''], // 10 rank not a number
          ['nameless', '', 'Nameless', '#666666', 3, ''], // 11 empty required
          ['noeng', '无英文', '', '#777777', 3, ''], // 12 new without an English name
          ['maybe', '也许', 'Maybe', '#888888', 3, '大概'], // 13 bad retired
          ['twin1', '双胞胎', 'Twin', '#999999', 3, ''], // 14 duplicate label
          ['twin2', '双胞胎', 'Twin', '#aaaaaa', 3, ''], // 15 duplicate label
          ['very_long_name', '一二三四五六七八九十一二三', 'Long', '#bbbbbb', 3, ''], // 16 label too long
        ]),
      ),
    );
    expect(run.counts).toEqual({ total: 15, create: 1, update: 1, unchanged: 1, conflict: 0, reject: 12 });
    const reasons = Object.fromEntries(preview(run.id, 'reject').rows.map((r) => [r.rowNo, r.problems]));
    expect(reasons).toEqual({
      5: [{ column: '颜色', reason: '颜色须为 #rrggbb（填写的是「粉红」）' }],
      6: [{ column: '代码', reason: '代码「dup」在第 7 行也出现了，同一文件里只能出现一次' }],
      7: [{ column: '代码', reason: '代码「dup」在第 6 行也出现了，同一文件里只能出现一次' }],
      8: [{ column: '代码', reason: '状态代码只能由小写字母、数字和下划线组成（2–32 位，字母开头）（填写的是「Bad-Key」）' }],
      9: [{ column: '等级', reason: expect.stringMatching(/100.*（填写的是「150」）$/) }],
      10: [{ column: '等级', reason: '等级须为 0–100 的整数（填写的是「很高」）' }],
      11: [{ column: '名称', reason: '「名称」为空，请填写' }],
      12: [{ column: '英文名称', reason: '请填写英文名称' }],
      13: [{ column: '停用', reason: '须填「是」或「否」（填写的是「大概」）' }],
      14: [{ column: '名称', reason: '名称「双胞胎」在第 15 行也出现了，同一文件里只能出现一次' }],
      15: [{ column: '名称', reason: '名称「双胞胎」在第 14 行也出现了，同一文件里只能出现一次' }],
      16: [{ column: '名称', reason: '状态名称最多 12 个字（填写的是「一二三四五六七八九十一二三」）' }],
    });
    expect(preview(run.id, 'create').rows.map((r) => r.rowNo)).toEqual([2]);
    expect(preview(run.id, 'update').rows.map((r) => r.rowNo)).toEqual([4]);
    expect(preview(run.id, 'unchanged').rows.map((r) => r.rowNo)).toEqual([3]);
    expect(dataState(s.sqlite), 'staging writes nothing to the data').toEqual(before);
  });

  it('marks rows the status rules forbid as conflicts, with the rule broken', async () => {
    const run = await stage(
      s,
      upload(
        s,
        '冲突.xlsx',
        await xlsx([
          [...HEADER, '停用'],
          ['normal', '正常', 'Normal', '#389e0d', 5, ''], // baseline must stay rank 0
          ['normal2', '正常二', 'Normal2', '#389e0d', 0, ''], // rank 0 is the baseline's
          ['controlled', '管控', 'Controlled', '#fa8c16', 20, '是'], // 5 buildings still 管控
          ['newone', '封控', 'Sealed too', '#000000', 40, ''], // label of sealed
        ]),
      ),
    );
    expect(run.counts).toMatchObject({ total: 4, conflict: 4, reject: 0 });
    const conflicts = Object.fromEntries(preview(run.id, 'conflict').rows.map((r) => [r.rowNo, r.problems]));
    expect(conflicts).toEqual({
      2: [{ column: '等级', reason: '「正常」是基准状态，等级须保持为 0' }],
      3: [{ column: '等级', reason: '等级 0 留给基准状态（正常），请填写 1–100' }],
      4: [{ column: '停用', reason: '还有 5 栋楼处于「管控」状态，请先把它们改为其他状态再停用' }],
      5: [{ column: '名称', reason: '状态名称「封控」已被状态 sealed 使用，请换一个名称' }],
    });
    const retire = await stage(s, upload(s, '停用基准.xlsx', await xlsx([[...HEADER, '停用'], ['normal', '正常', 'Normal', '#389e0d', 0, '是']])));
    expect(preview(retire.id, 'conflict').rows).toEqual([
      { rowNo: 2, outcome: 'conflict', cells: ['normal', '正常', 'Normal', '#389e0d', '0', '是'], problems: [{ column: '停用', reason: '「正常」是基准状态，不能停用' }] },
    ]);
  });

  it('pages the preview and filters it by outcome', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`p${i}`, `分页${i}`, `P${i}`, i % 5 === 0 ? 'red' : '#101010', 3]);
    const run = await stage(s, upload(s, '分页.xlsx', await xlsx([HEADER, ...rows])));
    expect(run.counts).toMatchObject({ total: 25, create: 20, reject: 5 });
    const second = preview(run.id, undefined, 2, 10);
    expect(second.total).toBe(25);
    expect(second.rows.map((r) => r.rowNo)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    const rejected = preview(run.id, 'reject', 1, 10);
    expect(rejected.total).toBe(5);
    expect(rejected.rows.map((r) => r.rowNo)).toEqual([2, 7, 12, 17, 22]);
    expect(rejected.rows[1]!.cells).toEqual(['p5', '分页5', 'P5', 'red', '3']);
  });

  it('lets only those who may configure statuses import them', async () => {
    const id = upload(s, '无权.xlsx', await xlsx([HEADER, ['watch', '观察', 'Watch', '#1677ff', 5]]), STAFF);
    await expect(Promise.resolve().then(() => stage(s, id, STAFF))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('配置管控状态') });
    const run = await stage(s, upload(s, '有权.xlsx', await xlsx([HEADER, ['watch', '观察', 'Watch', '#1677ff', 5]])));
    expect(() => previewImport(s.host.context(STAFF), importerOf, { id: run.id, page: 1, pageSize: 50 })).toThrowError(/配置管控状态/);
    // An upload belongs to the account that made it.
    await expect(Promise.resolve().then(() => stage(s, id, ADMIN))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('不存在或已过期') });
  });
});
