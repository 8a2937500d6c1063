import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { appendAudit } from '../audit/append';
import { authorize, gridScope, ROLE_LABELS } from '../auth/permissions';
import { excelDate } from '../buildings/export';
import type { ServiceContext } from '../context';
import { commitFile, discardFile, reserveFile, type StoredFile } from '../files/store';
import type { JobControl } from '../jobs/types';
import type { RequestFilter, RequestRow } from '../../electron/api/requests';
import { requestWhere } from './filter';
import { REQUEST_WORDS } from './words';
import { rowOf, rowsByIds } from './rows';

export const REQUESTS_SHEET = '诉求';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const CHUNK = 1000;

const date = (ms: number | null) => (ms === null ? null : excelDate(ms));

const COLUMNS: { header: string; width: number; value: (r: RequestRow) => unknown; date?: true }[] = [
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

function stamp(ms: number): string {
  const d = excelDate(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
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
  const fileName = `诉求-${stamp(now)}.xlsx`;
  const target = reserveFile(ctx.dataDir);
  const out = createWriteStream(target.path, { mode: 0o600 });
  try {
    await once(out, 'open');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = ctx.actor.name;
    wb.created = new Date(now);
    const sheet = wb.addWorksheet(REQUESTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.date ? { style: { numFmt: DATE_FORMAT } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    for (let i = 0; i < ids.length; i += CHUNK) {
      job?.throwIfCancelled();
      job?.progress('写入诉求', i, ids.length);
      const chunk = ids.slice(i, i + CHUNK);
      for (const r of rowsByIds(sqlite, chunk)) sheet.addRow(COLUMNS.map((c) => c.value(rowOf(r, now)))).commit();
    }
    sheet.commit();
    const notes = wb.addWorksheet('说明');
    notes.columns = [{ width: 12 }, { width: 60 }];
    notes.addRow(['导出时间', excelDate(now)]).getCell(2).numFmt = DATE_FORMAT;
    notes.addRow(['导出人', `${ctx.actor.name}（${ROLE_LABELS[ctx.actor.role]['zh-CN']}）`]);
    notes.addRow(['诉求数', ids.length]);
    notes.commit();
    job?.progress('写入文件', ids.length, ids.length);
    await wb.commit();
    job?.throwIfCancelled();
  } catch (err) {
    if (!out.closed) await new Promise<void>((closed) => out.destroy().once('close', () => closed()));
    discardFile(ctx.dataDir, target.id);
    throw err;
  }
  const file = commitFile(ctx.dataDir, target.id, { name: fileName, kind: 'export', ownerId: ctx.actor.id, createdAt: now });
  appendAudit(sqlite, { actor: ctx.actor, action: 'requests.export', target: fileName, detail: { rows: ids.length, filter: input.filter }, at: now });
  return { fileName, rows: ids.length, file };
}
