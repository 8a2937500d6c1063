import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { chunksOf, excelDate, fileStamp, tableSheet, writeXlsxExport } from '../files/xlsx-export';
import type { JobControl } from '../jobs/types';
import { describeFilter, type BuildingFilterInput } from './filter';
import { orderedBuildingIds, type BuildingSort } from './list';
import { buildingRows } from './rows';
import type { BuildingRow } from '../../electron/api/buildings';

export const EXPORT_SHEET = '楼栋';

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
  const fileName = `楼栋列表-${fileStamp(now)}.xlsx`;
  const sheet = tableSheet<BuildingRow>({
    name: EXPORT_SHEET,
    columns: COLUMNS.map((c) => ({ ...c, value: (r: BuildingRow) => c.value(r, label) })),
    count: ids.length,
    chunks: (size) => chunksOf(ids, size, (chunk) => buildingRows(sqlite, chunk, now)),
    phase: '写入楼栋',
    autoFilter: true,
  });
  const file = await writeXlsxExport(ctx, { fileName, now, sheets: [sheet], notes: [['筛选条件', filterWords], ['楼栋数', ids.length]] }, job);
  appendAudit(sqlite, {
    actor: ctx.actor,
    action: 'buildings.export',
    target: fileName,
    detail: { rows: ids.length, filter: input.filter, filterText: filterWords, sort: input.sort },
    at: now,
  });
  return { fileName, rows: ids.length, file };
}
