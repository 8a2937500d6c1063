import { appendAudit } from '../audit/append';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { chunksOf, excelDate, fileStamp, tableSheet, writeXlsxExport, type ExportColumn } from '../files/xlsx-export';
import type { JobControl } from '../jobs/types';
import type { RequestFilter, RequestRow } from '../../electron/api/requests';
import { requestWhere } from './filter';
import { REQUEST_WORDS } from './words';
import { rowOf, rowsByIds } from './rows';

export const REQUESTS_SHEET = '诉求';

const date = (ms: number | null) => (ms === null ? null : excelDate(ms));

const COLUMNS: ExportColumn<RequestRow>[] = [
  { header: '标题', width: 36, value: (r) => r.title },
  { header: '类别', width: 10, value: (r) => REQUEST_WORDS.kind[r.kind] },
  { header: '来源', width: 11, value: (r) => REQUEST_WORDS.source[r.source] },
  { header: '状态', width: 8, value: (r) => REQUEST_WORDS.state[r.state] },
  { header: '层级', width: 9, value: (r) => REQUEST_WORDS.level[r.level] },
  { header: '超时/督办', width: 10, value: (r) => (r.overdue ? '超时' : r.escalatedAt !== null ? '曾督办' : '') },
  { header: '地址', width: 44, value: (r) => r.address },
  { header: '社区', width: 14, value: (r) => r.communityName },
  { header: '网格', width: 22, value: (r) => r.gridName },
  { header: '求助人', width: 16, value: (r) => r.requester },
  { header: '负责人/单位', width: 16, value: (r) => r.handler },
  { header: '收到时间', width: 17, value: (r) => date(r.receivedAt), date: true },
  { header: '时限', width: 17, value: (r) => date(r.dueAt), date: true },
];
export const REQUEST_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

export interface RequestExportResult {
  fileName: string;
  rows: number;
  file: StoredFile;
}

/**
 * The filtered queue (the caller's grids, overdue first, then the newest) as an .xlsx workbook in
 * the file store, written in chunks with progress; a cancel leaves no file. Audited.
 */
export async function exportRequests(ctx: ServiceContext, input: { filter: RequestFilter; now: number }, job?: JobControl): Promise<RequestExportResult> {
  authorize(ctx.actor, 'requests.read');
  const { sqlite } = ctx;
  const now = input.now;
  const where = requestWhere(input.filter, gridScope(ctx.actor), now);
  const ids = sqlite
    .prepare<unknown[], string>(`SELECT r.id FROM requests r WHERE ${where.sql} ORDER BY r.due_at < @now DESC, CASE WHEN r.due_at < @now THEN r.due_at END, r.received_at DESC, r.id DESC`)
    .pluck()
    .all(where.params);
  const fileName = `诉求-${fileStamp(now)}.xlsx`;
  const sheet = tableSheet<RequestRow>({
    name: REQUESTS_SHEET,
    columns: COLUMNS,
    count: ids.length,
    chunks: (size) => chunksOf(ids, size, (chunk) => rowsByIds(sqlite, chunk).map((r) => rowOf(r, now))),
    phase: '写入诉求',
  });
  const file = await writeXlsxExport(ctx, { fileName, now, sheets: [sheet], notes: [['诉求数', ids.length]] }, job);
  appendAudit(sqlite, { actor: ctx.actor, action: 'requests.export', target: fileName, detail: { rows: ids.length, filter: input.filter }, at: now });
  return { fileName, rows: ids.length, file };
}
