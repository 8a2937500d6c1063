import ExcelJS from 'exceljs';
import { openDatabase } from '../../db/client/open';
import { commitFile, reserveFile } from '../../db/files/store';
import { databaseFile, ServiceHost } from '../../db/host';
import { applyImport } from '../../db/imports/apply';
import { directJob } from '../../db/imports/direct-job';
import { importerOf, importJobs } from '../../electron/rpc/domains/import-kinds';
import { emit, freshDir } from './lib';

const ROWS = 100_000;
const ADMIN = { id: 'bench-admin', name: '管理员', role: 'admin' as const, seesPersonalData: true };

/**
 * Staging a 100,000-row status list (.xlsx, streamed): reading, checking and classifying every
 * row; then applying 1,000 of them in one transaction. A status list is short in real life; the
 * size measures the pipeline every importer shares.
 */
export async function benchImports(): Promise<void> {
  const dir = freshDir('imports');
  const host = new ServiceHost(openDatabase({ file: databaseFile(dir) }));
  const { id, path } = reserveFile(dir);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = workbook.addWorksheet('状态');
  sheet.addRow(['代码', '名称', '英文名称', '颜色', '等级']).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow([`s${i}`, `状态${i}`, `S${i}`, i % 100 === 0 ? '红色' : '#123456', 1 + (i % 100)]).commit();
  sheet.commit();
  await workbook.commit();
  commitFile(dir, id, { name: 'bench.xlsx', kind: 'upload', ownerId: ADMIN.id });
  const ctx = host.context(ADMIN);

  let t = performance.now();
  const run = await importJobs.stage(ctx, { kind: 'statuses', fileId: id }, directJob(ctx));
  const staged = performance.now() - t;
  emit('imports.stage_xlsx', staged, 'ms', { rows: run.counts.total, rejected: run.counts.reject });
  emit('imports.stage_rate', (run.counts.total / staged) * 1000, 'rows/s');

  // Apply 1,000 rows: the others are marked unchanged so the write set stays realistic.
  host.opened.sqlite.prepare(`UPDATE import_rows SET outcome = 'unchanged' WHERE run_id = ? AND row_no > 1001`).run(run.id);
  t = performance.now();
  applyImport(ctx, importerOf, { id: run.id }, directJob(ctx));
  emit('imports.apply_1000', performance.now() - t, 'ms');
  host.close();
}
