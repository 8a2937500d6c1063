import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../db/imports/read/spreadsheet';

const job = { dataDir: tmpdir(), databaseKey: null, progress: () => undefined, throwIfCancelled: () => undefined };

describe('reading a large sheet of Chinese text by stream', () => {
  it('keeps every character whole where the compressed stream splits it between chunks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'griddesk-read-zh-')), '人口.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = wb.addWorksheet('人口');
    const rows = 20_000;
    for (let i = 0; i < rows; i++) sheet.addRow([`中山路街道幸福里社区${i}号楼`, '张三丰李四王五赵六', i]).commit();
    sheet.commit();
    await wb.commit();

    const read = await readSpreadsheet(file, '人口.xlsx', job);
    expect(read.rows).toHaveLength(rows);
    const broken = read.rows.filter((r) => r.cells.some((c) => c.includes('\uFFFD')));
    expect(broken.map((r) => r.rowNo)).toEqual([]);
    expect(read.rows[rows - 1]!.cells).toEqual([`中山路街道幸福里社区${rows - 1}号楼`, '张三丰李四王五赵六', String(rows - 1)]);
  });
});
