import { once } from 'node:events';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { writeStoredFile } from '../files/write-stream';
import type { JobControl } from '../jobs/types';
import { dailyReport } from './index';
import { findReportFont, type ReportFont } from './pdf/font';
import { renderReportPdf } from './pdf/render';
import { reportText } from './pdf/text';

export interface ReportPdfResult {
  fileName: string;
  date: string;
  scope: 'street' | 'grids';
  file: StoredFile;
}

/**
 * `report.exportPdf`: the 日报 of one day (the caller's scope, the page's figures and words) as an
 * A4 PDF with an embedded Chinese font, written to the file store and audited. Run as a job, it
 * reports its steps, and a cancel leaves no file behind.
 */
export async function exportReportPdf(
  ctx: ServiceContext,
  input: { date?: string | undefined },
  job?: JobControl,
  now = Date.now(),
  font: ReportFont = findReportFont(),
): Promise<ReportPdfResult> {
  authorize(ctx.actor, 'buildings.read');
  const { sqlite } = ctx;
  job?.progress('统计日报', 0, 3);
  const report = dailyReport(ctx, input, now);
  const labels = new Map(sqlite.prepare<unknown[], { key: string; label: string }>('SELECT key, label FROM status_definitions').all().map((r) => [r.key, r.label]));
  const text = reportText(report, (k) => labels.get(k) ?? k, now);
  const fileName = `${text.title}-${report.date}.pdf`;
  job?.throwIfCancelled();
  job?.progress('排版', 1, 3);

  const file = await writeStoredFile(ctx, { name: fileName, kind: 'report', now }, async (out) => {
    renderReportPdf(text, font, out, { author: ctx.actor.name, date: now });
    job?.progress('写入文件', 2, 3);
    await once(out, 'finish');
    job?.throwIfCancelled();
  });
  appendAudit(sqlite, {
    actor: ctx.actor,
    action: 'report.export_pdf',
    target: fileName,
    detail: { date: report.date, scope: report.scope, grids: report.gridNames, bytes: file.size },
    at: now,
  });
  job?.progress('写入文件', 3, 3);
  return { fileName, date: report.date, scope: report.scope, file };
}
