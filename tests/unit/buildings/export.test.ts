import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_HEADERS, exportBuildings, type ExportResult } from '../../../db/buildings/export';
import { excelDate } from '../../../db/files/xlsx-export';
import { openStoredFile } from '../../../db/files/store';
import { listBuildings } from '../../../db/buildings/list';
import type { Actor } from '../../../db/auth/roles';
import { addHousehold, addIncidentRow, addNeedRow, addResident, addTag, DAY, grantSafeCompound, LEADER, openStreet, STAFF, type Street } from './fixture';

const NOW = Date.UTC(2026, 10, 23, 7, 30);
let s: Street;

/** The exported workbook, read back from the file store as its owner would download it. */
async function open(out: ExportResult, actor: Actor) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(openStoredFile(s.ctx(actor).dataDir, out.file.id, actor).path);
  return wb;
}

beforeEach(() => {
  s = openStreet();
  const { sqlite } = s;
  const b = s.other.buildings[0]!;
  const h = addHousehold(sqlite, b, '1单元101', { registration: 'floating' });
  const r = addResident(sqlite, h, b, { registration: 'floating' });
  addTag(sqlite, r, b, 'home_observation', NOW - DAY, NOW + 6 * DAY);
  addTag(sqlite, addResident(sqlite, h, b), b, 'disabled');
  addNeedRow(sqlite, b, NOW - DAY);
  addIncidentRow(sqlite, b, NOW - DAY);
  grantSafeCompound(sqlite, s.other.compound, NOW - 30 * DAY);
  sqlite.prepare(`UPDATE status_definitions SET label = '封闭管理' WHERE key = 'sealed'`).run();
});
afterEach(() => s.close());

describe('buildings.export', () => {
  it('writes every filtered row in table order with Chinese headers, labels and real dates', async () => {
    const sort = { key: 'residents' as const, order: 'desc' as const };
    const out = await exportBuildings(s.ctx(LEADER), { filter: {}, sort }, undefined, NOW);
    expect(out.rows).toBe(8);
    expect(out.fileName).toBe(`楼栋列表-${excelDate(NOW).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.xlsx`);
    const wb = await open(out, LEADER);
    const sheet = wb.getWorksheet('楼栋')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(EXPORT_HEADERS.slice(0, 9)).toEqual(['地址', '楼栋', '楼院', '社区', '网格', '管控状态', '状态起始', '状态截止', '放心楼院']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(1 + 8);
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);

    const expected = listBuildings(s.ctx(LEADER), { filter: {}, sort, page: 1, pageSize: 50 }, NOW).rows;
    expect(Array.from({ length: 8 }, (_, i) => sheet.getCell(i + 2, 1).value)).toEqual(expected.map((r) => r.address));
    const b = s.other.buildings[0]!;
    const row = sheet.getRow(2 + expected.findIndex((r) => r.id === b));
    const db = s.sqlite.prepare('SELECT status_since, status_until, residents FROM buildings WHERE id = ?').get(b) as {
      status_since: number;
      status_until: number;
      residents: number;
    };
    expect(row.getCell(6).value).toBe('封闭管理');
    expect(row.getCell(7).value).toBeInstanceOf(Date);
    expect((row.getCell(7).value as Date).getTime()).toBe(excelDate(db.status_since).getTime());
    expect(row.getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((row.getCell(8).value as Date).getTime()).toBe(excelDate(db.status_until).getTime());
    expect(row.getCell(9).value).toBe('是');
    expect(row.getCell(11).value).toBe(db.residents);
    expect([12, 13, 14, 15, 16, 17, 18, 19].map((c) => row.getCell(c).value)).toEqual([1, 1, 0, 0, 1, 0, 1, 1]);
    const plain = sheet.getRow(2 + expected.findIndex((r) => r.id === s.territory.buildings[0]));
    expect([plain.getCell(6).value, plain.getCell(8).value, plain.getCell(9).value]).toEqual(['管控', null, '否']);

    const notes = wb.getWorksheet('说明')!;
    expect(notes.getCell('A1').value).toBe('导出时间');
    expect((notes.getCell('B1').value as Date).getTime()).toBe(excelDate(NOW).getTime());
    expect(notes.getCell('B2').value).toBe('王主任（领导）');
    expect(notes.getCell('B3').value).toBe('全部楼栋');
    expect(notes.getCell('B4').value).toBe(8);
  });

  it('applies the filter, describes it and audits who exported how many rows', async () => {
    const filter = { communityId: s.other.community, statuses: ['sealed', 'normal'] };
    const out = await exportBuildings(s.ctx(STAFF), { filter, sort: { key: 'address', order: 'asc' } }, undefined, NOW);
    expect(out.rows).toBe(2);
    const wb = await open(out, STAFF);
    expect(wb.getWorksheet('楼栋')!.rowCount).toBe(3);
    expect(wb.getWorksheet('说明')!.getCell('B3').value).toBe('管控状态：封闭管理、正常；社区：大学路社区');
    const audit = s.sqlite.prepare(`SELECT actor_name, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as {
      actor_name: string;
      action: string;
      target: string;
      detail: string;
    };
    expect(audit).toMatchObject({ actor_name: '值班员小李', action: 'buildings.export', target: out.fileName });
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: 2, filter, filterText: '管控状态：封闭管理、正常；社区：大学路社区' });
  });

  it('exports a grid worker’s grids only', async () => {
    const worker: Actor = { id: 'w', name: '网格员小王', role: 'grid_worker', gridIds: [s.territory.grid], seesPersonalData: false };
    const out = await exportBuildings(s.ctx(worker), { filter: {}, sort: { key: 'address', order: 'asc' } }, undefined, NOW);
    expect(out.rows).toBe(5);
    const sheet = (await open(out, worker)).getWorksheet('楼栋')!;
    expect(sheet.getCell(2, 4).value).toBe('永安西里社区');
  });
});
