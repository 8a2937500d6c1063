import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { applyImport } from '../../../db/imports/apply';
import { KEEP_ROWS_MS } from '../../../db/imports/stage';
import { discardImport, getImport, listImports, previewImport } from '../../../db/imports/service';
import { openStoredFile } from '../../../db/files/store';
import { listStatuses } from '../../../db/statuses/definitions';
import { saveStatus } from '../../../db/statuses/save';
import type { Importer } from '../../../db/imports/types';
import { importerOf, importJobs } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN, STAFF } from '../helpers/actors';
import { dataState, HEADER, openImportStreet, stage, upload, xlsx, type ImportStreet } from './fixture';

const opened: ImportStreet[] = [];
function street(dataDir?: string): ImportStreet {
  const s = openImportStreet(dataDir, dataDir === undefined);
  opened.push(s);
  return s;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const FILE = [
  HEADER,
  ['watch', '观察', 'Watch', '#1677ff', 5],
  ['precaution', '防范', 'Precaution', '#faad14', 12],
  ['sealed', '封控', 'Sealed', '#cf1322', 30],
  ['pink', '粉色', 'Pink', '粉红', 7],
];

const apply = (s: ImportStreet, id: string) => {
  const ctx = s.host.context(ADMIN);
  return applyImport(ctx, importerOf, { id }, directJob(ctx));
};
const auditActions = (s: ImportStreet) => s.sqlite.prepare('SELECT action, target, detail FROM audit_log ORDER BY seq').all() as { action: string; target: string; detail: string }[];

describe('applying a staged import', () => {
  it('writes the new and changed rows once, with one audit entry, and refuses to apply again', async () => {
    const s = street();
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx(FILE)));
    expect(run.counts).toEqual({ total: 4, create: 1, update: 1, unchanged: 1, conflict: 0, reject: 1 });
    const audits = auditActions(s).length;
    const applied = apply(s, run.id);
    expect(applied).toMatchObject({ status: 'applied', appliedBy: ADMIN.name, counts: run.counts });
    expect(listStatuses(s.host.context(ADMIN)).map((d) => [d.key, d.label, d.color, d.rank])).toEqual([
      ['sealed', '封控', '#cf1322', 30],
      ['controlled', '管控', '#fa8c16', 20],
      ['precaution', '防范', '#faad14', 12],
      ['watch', '观察', '#1677ff', 5],
      ['normal', '正常', '#389e0d', 0],
    ]);
    const added = auditActions(s).slice(audits);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'imports.apply', target: run.id });
    expect(JSON.parse(added[0]!.detail)).toEqual({ kind: 'statuses', file: '状态.xlsx', sheet: '状态', counts: run.counts });
    expect(s.events.filter((e) => e.event === 'data.changed')).toEqual([{ event: 'data.changed', payload: { domains: ['statuses', 'buildings'] } }]);

    const before = dataState(s.sqlite);
    expect(() => apply(s, run.id)).toThrowError(/已于 .* 由 管理员 应用，不能再次应用/);
    expect(dataState(s.sqlite)).toEqual(before);
    expect(listImports(s.host.context(ADMIN), importerOf, ['statuses']).map((r) => [r.id, r.status])).toEqual([[run.id, 'applied']]);
    expect(listImports(s.host.context(STAFF), importerOf, ['statuses'])).toEqual([]);
  });

  it('writes nothing when the data changed between preview and apply, and shows the new conflict in the preview', async () => {
    const s = street();
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx(FILE)));
    // Someone else names another status 观察 after the preview.
    saveStatus(s.host.context(ADMIN), { key: 'precaution', label: '观察', labelEn: 'Precaution', color: '#fadb14', rank: 10, retired: false });
    const before = dataState(s.sqlite);
    expect(() => apply(s, run.id)).toThrowError('第 2 行在预览之后数据已有变化（预览为「新增」，状态名称「观察」已被状态 precaution 使用，请换一个名称），没有写入任何数据。预览已更新，请查看后再应用');
    expect(dataState(s.sqlite), 'status_definitions and audit_log untouched').toEqual(before);
    const now = getImport(s.host.context(ADMIN), importerOf, { id: run.id });
    expect(now).toMatchObject({ status: 'ready', counts: { create: 0, update: 1, conflict: 1, reject: 1 } });
    expect(previewImport(s.host.context(ADMIN), importerOf, { id: run.id, outcome: 'conflict', page: 1, pageSize: 50 }).rows.map((r) => r.rowNo)).toEqual([2]);
  });

  it('rolls the whole apply back when a write fails part way', async () => {
    const s = street();
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx(FILE)));
    let writes = 0;
    const failing = (kind: string): Importer<unknown> => {
      const real = importerOf(kind);
      return {
        ...real,
        write: (ctx, value) => {
          real.write(ctx, value);
          if (++writes === 2) throw new Error('磁盘已满');
        },
      };
    };
    const before = dataState(s.sqlite);
    const ctx = s.host.context(ADMIN);
    expect(() => applyImport(ctx, failing, { id: run.id }, directJob(ctx))).toThrowError('磁盘已满');
    expect(writes).toBe(2);
    expect(dataState(s.sqlite)).toEqual(before);
    expect(getImport(ctx, importerOf, { id: run.id }).status).toBe('ready');
    expect(s.events).toEqual([]);
    // The same run still applies afterwards.
    expect(apply(s, run.id).status).toBe('applied');
  });

  it('stops a cancelled apply inside its transaction, leaving nothing written', async () => {
    const s = street();
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx(FILE)));
    const before = dataState(s.sqlite);
    const ctx = s.host.context(ADMIN);
    const cancelled = { ...directJob(ctx), throwIfCancelled: () => { throw Object.assign(new Error('已取消'), { name: 'JobCancelled' }); } };
    expect(() => importJobs.apply(ctx, { id: run.id }, cancelled)).toThrowError('已取消');
    expect(dataState(s.sqlite)).toEqual(before);
  });

  it('reports the rows that will not be applied in an .xlsx with row numbers, reasons and the cells as they were', async () => {
    const s = street();
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx([...FILE, ['controlled', '正常', 'Controlled', '#fa8c16', 20]])));
    const ctx = s.host.context(ADMIN);
    const report = await importJobs.report(ctx, { id: run.id }, directJob(ctx));
    expect(report).toMatchObject({ name: '状态-未通过的行.xlsx', rows: 2 });
    const file = openStoredFile(s.dataDir, report.fileId, ADMIN);
    expect(file.kind).toBe('report');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const sheet = workbook.getWorksheet('未通过的行')!;
    const values = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['行号', '结果', '原因', ...HEADER],
      [5, '未通过', '颜色：颜色须为 #rrggbb（填写的是「粉红」）', 'pink', '粉色', 'Pink', '粉红', '7'],
      [6, '冲突', '名称：状态名称「正常」已被状态 normal 使用，请换一个名称', 'controlled', '正常', 'Controlled', '#fa8c16', '20'],
    ]);
    expect(() => openStoredFile(s.dataDir, report.fileId, STAFF)).toThrowError(/不存在或已过期/);
  });

  it('keeps a staged import across closing and reopening the database, and applies it then', async () => {
    const first = street();
    const run = await stage(first, upload(first, '状态.xlsx', await xlsx(FILE)));
    const dir = first.dataDir;
    first.close();
    opened.splice(opened.indexOf(first), 1);
    const again = street(dir);
    const ctx = again.host.context(ADMIN);
    expect(getImport(ctx, importerOf, { id: run.id })).toEqual(run);
    expect(previewImport(ctx, importerOf, { id: run.id, page: 1, pageSize: 50 }).rows.map((r) => [r.rowNo, r.outcome])).toEqual([
      [2, 'create'],
      [3, 'update'],
      [4, 'unchanged'],
      [5, 'reject'],
    ]);
    expect(apply(again, run.id).status).toBe('applied');
    expect(listStatuses(ctx).some((d) => d.key === 'watch')).toBe(true);
  });

  it('discards a staged import: its rows go, it can no longer be applied', async () => {
    const s = street();
    const run = await stage(s, upload(s, '状态.xlsx', await xlsx(FILE)));
    const ctx = s.host.context(ADMIN);
    const before = dataState(s.sqlite);
    expect(discardImport(ctx, importerOf, { id: run.id })).toEqual({ id: run.id });
    expect(s.sqlite.prepare('SELECT count(*) FROM import_rows WHERE run_id = ?').pluck().get(run.id)).toBe(0);
    expect(() => apply(s, run.id)).toThrowError('这次导入已放弃，请重新选择文件');
    expect(dataState(s.sqlite)).toEqual(before);
  });

  it('forgets the rows of imports applied or left staged more than a week ago, keeping the runs listed', async () => {
    const s = street();
    const applied = await stage(s, upload(s, '旧.xlsx', await xlsx(FILE)));
    apply(s, applied.id);
    const left = await stage(s, upload(s, '放着.xlsx', await xlsx(FILE)));
    const recent = await stage(s, upload(s, '新.xlsx', await xlsx(FILE)));
    const weekAgo = Date.now() - KEEP_ROWS_MS - 1000;
    s.sqlite.prepare('UPDATE import_runs SET applied_at = ? WHERE id = ?').run(weekAgo, applied.id);
    s.sqlite.prepare('UPDATE import_runs SET created_at = ? WHERE id IN (?, ?)').run(weekAgo, applied.id, left.id);
    await stage(s, upload(s, '触发.xlsx', await xlsx(FILE)));
    const rows = (id: string) => s.sqlite.prepare('SELECT count(*) FROM import_rows WHERE run_id = ?').pluck().get(id);
    expect([rows(applied.id), rows(left.id), rows(recent.id)]).toEqual([0, 0, 4]);
    const ctx = s.host.context(ADMIN);
    expect([getImport(ctx, importerOf, { id: applied.id }).status, getImport(ctx, importerOf, { id: left.id }).status]).toEqual(['applied', 'discarded']);
  });
});
