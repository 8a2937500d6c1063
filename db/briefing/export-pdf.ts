import { once } from 'node:events';
import { appendAudit } from '../audit/append';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { writeStoredFile } from '../files/write-stream';
import type { JobControl } from '../jobs/types';
import { findReportFont, type ReportFont } from '../report/pdf/font';
import { briefing } from './index';
import { renderBriefingPdf } from './pdf/render';
import { briefingPdfText } from './pdf/words';

export interface BriefingPdfResult {
  fileName: string;
  scope: 'street' | 'grids';
  file: StoredFile;
}

const stamp = (now: number) => {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
};

/**
 * `briefing.exportPdf`: the 大屏 as it stands now (the caller's scope, the display's figures) on
 * one landscape A4 page for the 日报, with the report's Chinese font embedded; written to the file
 * store and audited. As a job it reports its steps, and a cancel leaves no file behind.
 */
export async function exportBriefingPdf(ctx: ServiceContext, job?: JobControl, now = Date.now(), font: ReportFont = findReportFont()): Promise<BriefingPdfResult> {
  job?.progress('统计大屏数据', 0, 3);
  const data = briefing(ctx, {}, now);
  const text = briefingPdfText(data, now, ctx.actor.name);
  const fileName = `${data.street}大屏快照-${stamp(now)}.pdf`;
  job?.throwIfCancelled();
  job?.progress('排版', 1, 3);
  const file = await writeStoredFile(ctx, { name: fileName, kind: 'report', now }, async (out) => {
    renderBriefingPdf(text, font, out, { author: ctx.actor.name, date: now });
    job?.progress('写入文件', 2, 3);
    await once(out, 'finish');
    job?.throwIfCancelled();
  });
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'briefing.export_pdf', target: fileName, detail: { scope: data.scope === 'grids' ? '网格' : '全街道', bytes: file.size }, at: now });
  job?.progress('写入文件', 3, 3);
  return { fileName, scope: data.scope, file };
}
