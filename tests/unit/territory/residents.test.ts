import { afterEach, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { applyImport } from '../../../db/imports/apply';
import { applyTerritory } from '../../../db/territory/apply';
import { normaliseAddress } from '../../../db/territory/address';
import { createOffice } from '../../../db/territory/office';
import { residentImporter } from '../../../db/territory/resident-importer';
import { idNumberCheckChar } from '../../../db/validation/id-number';
import type { TerritoryInput } from '../../../electron/api/territory';
import { importerOf, importJobs } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN } from '../helpers/actors';
import { openImportStreet, upload, xlsx, type ImportStreet } from '../imports/fixture';
import { buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../../shared/territory-files';

let street: ImportStreet | undefined;
afterEach(() => street?.close());

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const HEAD = id('37020219800101123');
const SPOUSE = id('37020219820202124');

async function streetWithBuildings(): Promise<ImportStreet> {
  const s = (street = openImportStreet(undefined, false));
  const ctx = s.host.context(ADMIN);
  createOffice(ctx, ADMIN, { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' });
  const input = (fileId: string, layer: TerritoryInput['layer'], crs: TerritoryInput['crs'] = 'auto'): TerritoryInput => ({ fileId, layer, crs, encoding: 'auto', mapping: {} });
  applyTerritory(ctx, input(upload(s, 'c.geojson', communityGeoJson()), 'communities'), directJob(ctx));
  applyTerritory(ctx, input(upload(s, 'g.zip', await gridsShapefileZip()), 'grids'), directJob(ctx));
  applyTerritory(ctx, input(upload(s, 'b.geojson', buildingsGcjGeoJson()), 'buildings', 'gcj02'), directJob(ctx));
  return s;
}

describe('人口信息采集表 into buildings', () => {
  it('folds the many spellings of an address to one', () => {
    expect(normaliseAddress('幸福里小区 1栋 2单元 301室')).toBe('幸福里小区1号楼2单元301');
    expect(normaliseAddress('幸福里小区１号楼二单元３０１')).toBe('幸福里小区1号楼2单元301');
    expect(normaliseAddress('幸福里小区1-2-301')).toBe('幸福里小区1号楼2单元301');
    expect(normaliseAddress('幸福里小区1#2单元301')).toBe('幸福里小区1号楼2单元301');
  });

  it('refuses text the spreadsheet reader broke (U+FFFD) instead of writing it', async () => {
    const s = await streetWithBuildings();
    const check = residentImporter.check(s.host.context(ADMIN), { address: '幸福里小区1号楼2单元301', name: '王\uFFFD国', idNumber: HEAD });
    expect(check).toMatchObject({ ok: false, problems: [{ field: 'name', reason: expect.stringContaining('读坏的文字') }] });
  });

  it('matches addresses exactly, by pinyin, queues the unknown, catches Excel-damaged and duplicate ID numbers, and writes only on apply', async () => {
    const s = await streetWithBuildings();
    const ctx = s.host.context(ADMIN);
    const file = await xlsx(
      [
        ['现住址', '姓名', '公民身份号码', '联系电话', '与户主关系', '人员类别'],
        ['幸福里小区1号楼2单元301', '王建国', HEAD, '13800138000', '户主', '户籍'],
        ['幸福丽小区 1栋 2单元 301室', '李秀英', SPOUSE, '', '配偶', '户籍'],
        ['幸福里小区2#1单元101', '赵磊', '3.70202E+17', '', '户主', '流动'],
        ['幸福里小区2#1单元102', '钱多多', '370202199001011000', '', '户主', '流动'],
        ['不存在小区9号楼1单元101', '孙琳', id('37020219950505234'), '', '户主', '境外'],
        ['海滨花园3号楼1单元101', '王建国', HEAD, '', '户主', '户籍'],
      ],
      {},
      '人口信息',
    );
    const run = await importJobs.stage(ctx, { kind: 'residents', fileId: upload(s, '人口信息采集表.xlsx', file) }, directJob(ctx));
    expect(run.counts).toMatchObject({ create: 1, conflict: 1, reject: 4 });
    const rows = s.sqlite.prepare<[string], { row_no: number; outcome: string; problems: string }>('SELECT row_no, outcome, problems FROM import_rows WHERE run_id = ? ORDER BY row_no').all(run.id);
    const byRow = new Map(rows.map((r) => [r.row_no, r]));
    // The same ID number twice in the file: both rows are held back, each naming the other.
    expect(byRow.get(2)!.problems).toMatch(/在第 7 行也出现了/);
    expect(byRow.get(7)!.problems).toMatch(/在第 2 行也出现了/);
    // 幸福丽 for 幸福里: found by the address's pinyin.
    expect(byRow.get(3)!.outcome).toBe('create');
    expect(byRow.get(4)!.problems).toMatch(/科学|存成了数字/);
    expect(byRow.get(5)!.problems).toMatch(/最后几位变成了 0/);
    expect(byRow.get(6)!.outcome).toBe('conflict');
    expect(byRow.get(6)!.problems).toMatch(/没有找到楼栋「不存在小区9号楼」/);
    expect(s.sqlite.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(0);

    applyImport(ctx, importerOf, { id: run.id }, directJob(ctx));
    const written = s.sqlite
      .prepare('SELECT r.name, h.room, b.name AS building FROM residents r JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = r.building_id ORDER BY r.name')
      .all();
    expect(written).toEqual([{ name: '李秀英', room: '2单元301', building: '1号楼' }]);
  });

  it('takes special groups from the 特殊人群 column and beside the category into the special-group tags, refusing unknown words', async () => {
    const s = await streetWithBuildings();
    const ctx = s.host.context(ADMIN);
    const third = id('37020219450303125');
    const file = (rows: unknown[][]) => xlsx([['现住址', '姓名', '公民身份号码', '与户主关系', '人员类别', '特殊人群'], ...rows], {}, '人口信息');
    const stage = async (rows: unknown[][]) => importJobs.stage(ctx, { kind: 'residents', fileId: upload(s, '人口信息采集表.xlsx', await file(rows)) }, directJob(ctx));
    const first = await stage([
      ['幸福里小区1号楼2单元301', '王建国', HEAD, '户主', '户籍', '独居老人、残疾人'],
      ['幸福里小区1号楼2单元302', '李秀英', SPOUSE, '户主', '流动，返乡人员', ''],
      ['幸福里小区1号楼2单元303', '周大爷', third, '户主', '户籍', '低保户'],
    ]);
    expect(first.counts).toMatchObject({ create: 2, reject: 1 });
    const refused = s.sqlite.prepare('SELECT problems FROM import_rows WHERE run_id = ? AND row_no = 4').pluck().get(first.id) as string;
    expect(refused).toContain('特殊人群「低保户」不认识');
    applyImport(ctx, importerOf, { id: first.id }, directJob(ctx));
    const tags = s.sqlite.prepare<[], { name: string; tag: string }>('SELECT r.name, t.tag FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE t.deleted = 0 ORDER BY r.name, t.tag').all();
    expect(tags.map((t) => `${t.name}:${t.tag}`)).toEqual(['李秀英:returnee', '王建国:disabled', '王建国:elderly_alone']);
    expect(s.sqlite.prepare('SELECT registration FROM residents WHERE id_number = ?').pluck().get(SPOUSE)).toBe('floating');

    // The same register again names nothing new: unchanged; a new group makes the row an update that adds it.
    const again = await stage([['幸福里小区1号楼2单元301', '王建国', HEAD, '户主', '户籍', '独居老人']]);
    expect(again.counts).toMatchObject({ unchanged: 1 });
    const more = await stage([['幸福里小区1号楼2单元301', '王建国', HEAD, '户主', '户籍', '居家观察']]);
    expect(more.counts).toMatchObject({ update: 1 });
    applyImport(ctx, importerOf, { id: more.id }, directJob(ctx));
    expect(s.sqlite.prepare(`SELECT count(*) FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE r.id_number = ? AND t.deleted = 0`).pluck().get(HEAD)).toBe(3);
  });
});

