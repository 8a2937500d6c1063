import { once } from 'node:events';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { StoredFile } from '../files/store';
import { writeStoredFile } from '../files/write-stream';
import type { JobControl } from '../jobs/types';
import { findReportFont, type ReportFont } from '../report/pdf/font';
import { staffingBoard } from './board';
import { renderRosterPdf, rosterPdfText } from './roster-pdf';
import { dayStart, weekStart } from './time';

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * The day of `from`, or the week from its Monday, as a PDF roster for printing: a section per
 * community, posts × shifts with names, needed vs filled and the gaps marked. Audited as the .xlsx
 * export is; a cancel leaves no file.
 */
export async function exportRosterPdf(
  ctx: ServiceContext,
  input: { from: string; days: 1 | 7; now: number },
  job?: JobControl,
  font: ReportFont = findReportFont(),
): Promise<{ fileName: string; shifts: number; gaps: number; file: StoredFile }> {
  authorize(ctx.actor, 'staffing.read');
  if (dayStart(input.from) === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: input.from }, 'from');
  const from = input.days === 7 ? weekStart(input.from) : input.from;
  job?.progress('读取排班', 0, 3);
  const board = staffingBoard(ctx, { from, days: input.days }, input.now);
  const text = rosterPdfText(board, `生成时间：${DATE_TIME.format(new Date(input.now))}，制表：${ctx.actor.name}`);
  const fileName = input.days === 7 ? `排班表-${from}-周.pdf` : `排班表-${from}.pdf`;
  job?.throwIfCancelled();
  job?.progress('排版', 1, 3);
  const file = await writeStoredFile(ctx, { name: fileName, kind: 'export', now: input.now }, async (out) => {
    renderRosterPdf(text, font, out, { author: ctx.actor.name, date: input.now });
    job?.progress('写入文件', 2, 3);
    await once(out, 'finish');
    job?.throwIfCancelled();
  });
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'staffing.export_pdf', target: fileName, detail: { from, days: input.days, gaps: board.totals.gaps }, at: input.now });
  job?.progress('写入文件', 3, 3);
  return { fileName, shifts: board.totals.shifts, gaps: board.totals.gaps, file };
}
