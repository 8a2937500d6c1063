import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { appendAudit } from '../audit/append';
import { authorize, ROLE_LABELS } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { commitFile, discardFile, reserveFile, type StoredFile } from '../files/store';
import type { JobControl } from '../jobs/types';
import { describeFilter, type BuildingFilterInput } from './filter';
import { orderedBuildingIds, type BuildingSort } from './list';
import { buildingRows } from './rows';
import type { BuildingRow } from '../../electron/api/buildings';

export const EXPORT_SHEET = '楼栋';
export const NOTES_SHEET = '说明';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const CHUNK = 1000;

/** Wall-clock time where the app runs, as the UTC moment Excel (which has no time zones) will show. */
export function excelDate(ms: number): Date {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
}

function stamp(ms: number): string {
  const d = excelDate(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

const COLUMNS: { header: string; width: number; value: (r: BuildingRow, label: (k: string) => string) => unknown; date?: true }[] = [
  { header: '地址', width: 44, value: (r) => r.address },
  { header: '楼栋', width: 12, value: (r) => r.name },
  { header: '楼院', width: 18, value: (r) => r.compoundName },
  { header: '社区', width: 16, value: (r) => r.communityName },
  { header: '网格', width: 12, value: (r) => r.gridName },
  { header: '管控状态', width: 10, value: (r, label) => label(r.status) },
  { header: '状态起始', width: 17, value: (r) => excelDate(r.statusSince), date: true },
  { header: '状态截止', width: 17, value: (r) => (r.statusUntil === null ? null : excelDate(r.statusUntil)), date: true },
  { header: '放心楼院', width: 9, value: (r) => (r.safeCompound ? '是' : '否') },
  { header: '户数', width: 7, value: (r) => r.households },
  { header: '人数', width: 7, value: (r) => r.residents },
  { header: '流动人口', width: 9, value: (r) => r.floating },
  { header: '居家观察', width: 9, value: (r) => r.tags.home_observation },
  { header: '隔离', width: 7, value: (r) => r.tags.isolation },
  { header: '独居老人', width: 9, value: (r) => r.tags.elderly_alone },
  { header: '残疾', width: 7, value: (r) => r.tags.disabled },
  { header: '返乡', width: 7, value: (r) => r.tags.returnee },
  { header: '未完成需求', width: 11, value: (r) => r.openNeeds },
  { header: '未处理事件', width: 11, value: (r) => r.openIncidents },
];
export const EXPORT_HEADERS = COLUMNS.map((c) => c.header);

export interface ExportResult {
  fileName: string;
  rows: number;
  /** The workbook in the file store, for the caller to download or save. */
  file: StoredFile;
}

/**
 * Every building the filter matches, in table order, as an .xlsx workbook streamed to the file
 * store: sheet 楼栋 with Chinese headers, sheet 说明 with when, who and which filter. The export
 * is audited. Run as a job, it reports progress per chunk, and a cancel leaves no file behind.
 */
export async function exportBuildings(
  ctx: ServiceContext,
  input: { filter: BuildingFilterInput; sort: BuildingSort },
  job?: JobControl,
  now = Date.now(),
): Promise<ExportResult> {
  const { sqlite } = ctx;
  authorize(ctx.actor, 'buildings.read');
  const ids = orderedBuildingIds(sqlite, ctx.actor, input.filter, input.sort, now);
  const labels = new Map(sqlite.prepare<unknown[], { key: string; label: string }>('SELECT key, label FROM status_definitions').all().map((r) => [r.key, r.label]));
  const label = (k: string) => labels.get(k) ?? k;
  const filterWords = describeFilter(sqlite, input.filter);
  const fileName = `楼栋列表-${stamp(now)}.xlsx`;

  const target = reserveFile(ctx.dataDir);
  const out = createWriteStream(target.path, { mode: 0o600 });
  try {
    await once(out, 'open');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = ctx.actor.name;
    wb.created = new Date(now);
    const sheet = wb.addWorksheet(EXPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.date ? { style: { numFmt: DATE_FORMAT } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    for (let i = 0; i < ids.length; i += CHUNK) {
      job?.throwIfCancelled();
      job?.progress('写入楼栋', i, ids.length);
      for (const r of buildingRows(sqlite, ids.slice(i, i + CHUNK), now)) sheet.addRow(COLUMNS.map((c) => c.value(r, label))).commit();
    }
    sheet.commit();

    const notes = wb.addWorksheet(NOTES_SHEET);
    notes.columns = [{ width: 12 }, { width: 60 }];
    notes.getColumn(1).font = { bold: true };
    notes.addRow(['导出时间', excelDate(now)]).getCell(2).numFmt = DATE_FORMAT;
    notes.addRow(['导出人', `${ctx.actor.name}（${ROLE_LABELS[ctx.actor.role]['zh-CN']}）`]);
    notes.addRow(['筛选条件', filterWords]);
    notes.addRow(['楼栋数', ids.length]);
    notes.commit();
    job?.progress('写入文件', ids.length, ids.length);
    await wb.commit();
    job?.throwIfCancelled();
  } catch (err) {
    // The file is removed only once its stream is closed, or a late open or flush would bring it back.
    if (!out.closed) await new Promise<void>((closed) => out.destroy().once('close', () => closed()));
    discardFile(ctx.dataDir, target.id);
    throw err;
  }
  const file = commitFile(ctx.dataDir, target.id, { name: fileName, kind: 'export', ownerId: ctx.actor.id, createdAt: now });
  appendAudit(sqlite, {
    actor: ctx.actor,
    action: 'buildings.export',
    target: fileName,
    detail: { rows: ids.length, filter: input.filter, filterText: filterWords, sort: input.sort },
    at: now,
  });
  return { fileName, rows: ids.length, file };
}
