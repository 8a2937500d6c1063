import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { idNumberCheckChar } from '../../../db/validation/id-number';
import { importJobs } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN } from '../helpers/actors';
import { dataState, openImportStreet, upload, type ImportStreet } from './street';

let s: ImportStreet | undefined;
afterEach(() => s?.close());

const A = '37020219900102123' + idNumberCheckChar('37020219900102123');

async function book(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('报名表'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function rowsOf(runId: string) {
  return new Map(
    s!.sqlite
      .prepare<[string], { row_no: number; outcome: string; problems: string }>('SELECT row_no, outcome, problems FROM import_rows WHERE run_id = ? ORDER BY row_no')
      .all(runId)
      .map((r) => [r.row_no, { outcome: r.outcome, problems: r.problems }]),
  );
}

async function stage(file: Buffer) {
  s = openImportStreet();
  const ctx = s.host.context(ADMIN);
  const before = dataState(s.sqlite);
  const staging = importJobs.stage(ctx, { kind: 'volunteers', fileId: upload(s, '报名表.xlsx', file) }, directJob(ctx));
  return { ctx, before, staging };
}

describe('志愿者报名表: the bad input of issue 11', () => {
  it('an empty sheet is refused by name, nothing written', async () => {
    const { before, staging } = await stage(await book(() => {}));
    await expect(staging).rejects.toThrow(/是空的/);
    expect(dataState(s!.sqlite)).toEqual(before);
  });

  it('a title merged over the header row is passed over; the header below it is read', async () => {
    const file = await book((sheet) => {
      sheet.addRow(['某某社区志愿者报名表']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['姓名', '联系电话', '身份证号']);
      sheet.addRow(['张三', '13812345678', A]);
    });
    const { before, staging } = await stage(file);
    const run = await staging;
    expect(run.status).toBe('ready');
    expect(run.counts).toMatchObject({ create: 1, total: 1 });
    expect(dataState(s!.sqlite)).toEqual(before);
  });

  it('a header merged across two columns names the first; the blank second one is left unmapped', async () => {
    const file = await book((sheet) => {
      sheet.addRow(['姓名', '联系方式', '', '身份证号']);
      sheet.mergeCells('B1:C1');
      sheet.addRow(['张三', '13812345678', '0532-88886666', A]);
    });
    const { before, staging } = await stage(file);
    const run = await staging;
    expect(run.mapping.phone).toBe(1);
    expect(run.counts).toMatchObject({ create: 1, total: 1 });
    expect(dataState(s!.sqlite)).toEqual(before);
  });

  it('a formula cell is read by its cached result', async () => {
    const file = await book((sheet) => {
      sheet.addRow(['姓名', '联系电话', '身份证号']);
      sheet.addRow(['张三', { formula: '"138"&"12345678"', result: '13812345678' }, A]);
    });
    const { staging } = await stage(file);
    const run = await staging;
    expect(run.counts).toMatchObject({ create: 1, total: 1 });
  });

  it('a formula cell without a cached result is refused with its row and column', async () => {
    const file = await book((sheet) => {
      sheet.addRow(['姓名', '联系电话', '身份证号']);
      sheet.addRow(['张三', { formula: 'B3' }, A]);
    });
    const { staging } = await stage(file);
    const run = await staging;
    const row = rowsOf(run.id).get(2)!;
    expect(row.outcome).toBe('reject');
    expect(JSON.parse(row.problems)).toEqual([{ column: '联系电话', reason: '「联系电话」为空，请填写' }]);
  });

  it('full-width characters are folded, emoji in a name refuse the row with the reason', async () => {
    const file = await book((sheet) => {
      sheet.addRow(['姓名', '联系电话', '性别']);
      sheet.addRow(['张三', '１３８１２３４５６７８', '男']);
      sheet.addRow(['李四🌸', '13900004321', '女']);
      sheet.addRow(['王　五', '13700001111', '男']);
    });
    const { staging } = await stage(file);
    const run = await staging;
    const rows = rowsOf(run.id);
    expect(rows.get(2)!.outcome).toBe('create');
    expect(rows.get(3)).toMatchObject({ outcome: 'reject' });
    expect(rows.get(3)!.problems).toMatch(/表情符号/);
    expect(rows.get(4)!.outcome).toBe('create');
  });

  it('a column mapped to two fields is refused naming both, the mapping unchanged', async () => {
    const file = await book((sheet) => {
      sheet.addRow(['姓名', '联系电话', '身份证号']);
      sheet.addRow(['张三', '13812345678', A]);
    });
    const { ctx, staging } = await stage(file);
    const run = await staging;
    const before = dataState(s!.sqlite);
    expect(() => importJobs.setMapping(ctx, { id: run.id, mapping: { ...run.mapping, name: 1, phone: 1 } }, directJob(ctx))).toThrow('「姓名」和「联系电话」都对应了第 B 列「联系电话」');
    expect(dataState(s!.sqlite)).toEqual(before);
  });
});
