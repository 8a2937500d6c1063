import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../db/imports/read/spreadsheet';
import { tempDir } from '../helpers/tmp';

const job = { dataDir: tmpdir(), databaseKey: null, progress: () => undefined, throwIfCancelled: () => undefined };

/** A real two-sheet workbook whose zip parts are stored in the given order (those not named keep theirs, after). */
async function storedInOrder(first: string[], last: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('封面').addRow(['说明']);
  const data = wb.addWorksheet('名单');
  data.addRow(['姓名', '手机']);
  data.addRow(['张三', '13800138000']);
  const original = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const names = Object.keys(original.files).filter((n) => !original.files[n]!.dir);
  const middle = names.filter((n) => !first.includes(n) && !last.includes(n));
  const zip = new JSZip();
  for (const name of [...first, ...middle, ...last]) zip.file(name, await original.file(name)!.async('uint8array'));
  const file = join(tempDir('griddesk-read-order-'), '名单.xlsx');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

describe('reading a workbook whatever order its parts are stored in', () => {
  it('names the sheets and reads the one asked for when the sheet list (xl/workbook.xml) is stored last', async () => {
    const file = await storedInOrder(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'], ['xl/workbook.xml']);
    const read = await readSpreadsheet(file, '名单.xlsx', job, '名单');
    expect(read.sheets).toEqual(['封面', '名单']);
    expect(read.rows.map((r) => r.cells)).toEqual([
      ['姓名', '手机'],
      ['张三', '13800138000'],
    ]);
  });

  it('reads the shared strings even when they are stored after every worksheet', async () => {
    const file = await storedInOrder(['[Content_Types].xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'], ['xl/sharedStrings.xml', 'xl/workbook.xml']);
    const read = await readSpreadsheet(file, '名单.xlsx', job);
    expect(read.sheet).toBe('封面');
    expect(read.sheets).toEqual(['封面', '名单']);
    expect(read.rows.map((r) => r.cells)).toEqual([['说明']]);
  });
});
