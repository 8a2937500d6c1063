import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { StoredFile } from '../files/store';
import { writeStoredFile } from '../files/write-stream';
import type { JobControl } from '../jobs/types';
import { findReportFont, type ReportFont } from '../report/pdf/font';
import { INK, RULE, table, TITLE_RED, useFont } from '../report/pdf/render';
import { officeOf } from '../report/office';
import { certificateChars, certificateText, type CertificateText } from './certificate-text';
import { dayOf } from './month';
import { checkPeriod, personEntries, personIdentity } from './person';

const MARGIN = 64;

/** The certificate on one portrait A4 page: title, the sentence, the activities, the issuer and the day. */
export function renderCertificatePdf(text: CertificateText, font: ReportFont, out: Writable, info: { author: string; date: number }): void {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: 'zh-CN', displayTitle: true, info: { Title: text.title, Author: info.author, CreationDate: new Date(info.date) } });
  useFont(doc, font, certificateChars(text));
  doc.pipe(out);
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor(TITLE_RED).fontSize(26).text(text.title, { align: 'center', characterSpacing: 6 });
  doc.moveDown(1.2);
  doc.fillColor(INK).fontSize(13).text(text.body, { indent: 26, lineGap: 6 });
  doc.moveDown(0.8);
  table(doc, text.activities, { size: 10, maxWidth: width, widths: [width * 0.42, width * 0.3, '*', '*'] });
  doc.moveDown(0.5);
  doc.fontSize(13).text(text.closing, { indent: 26 });
  const bottom = Math.max(doc.y + 40, doc.page.height - MARGIN - 130);
  doc.fontSize(13).text(text.issuer, MARGIN, bottom, { width, align: 'right' });
  doc.moveDown(0.4);
  doc.text(text.issuedOn, { width, align: 'right' });
  doc.page.margins.bottom = 0;
  doc.fontSize(8).fillColor(RULE).text(text.footer, MARGIN, doc.page.height - MARGIN + 16, { width, align: 'center', lineBreak: false });
  doc.end();
}

/**
 * `serviceHours.certificate`: one person's 志愿服务证明 for a period as a one-page PDF in the file
 * store (kind `report`), audited. Refused when the period holds no hours. A cancel leaves no file.
 */
export async function exportCertificate(
  ctx: ServiceContext,
  input: { personId: string; from: string; to: string; now: number },
  job?: JobControl,
  font: ReportFont = findReportFont(),
): Promise<{ fileName: string; hours: number; file: StoredFile }> {
  authorize(ctx.actor, 'hours.edit');
  checkPeriod(input.from, input.to);
  job?.progress('统计服务时长', 0, 3);
  const who = personIdentity(ctx.sqlite, ctx.actor, input.personId);
  const entries = personEntries(ctx.sqlite, input.personId, input.from, input.to);
  const hours = Math.round(entries.reduce((s, e) => s + e.hours, 0) * 10) / 10;
  if (hours <= 0) throw new ServiceError('INVALID_INPUT', 'volunteerService.noHours', { name: who.realName, from: input.from, to: input.to }, 'personId');
  const serial = `${dayOf(input.now).replaceAll('-', '')}-${input.personId.slice(-6)}`;
  const text = certificateText({ name: who.realName, idNumber: who.idNumber, from: input.from, to: input.to, entries, office: officeOf(ctx.sqlite).name, issuedOn: dayOf(input.now), serial });
  const fileName = `志愿服务证明-${who.realName}-${input.from}至${input.to}.pdf`;
  job?.throwIfCancelled();
  job?.progress('排版', 1, 3);
  const file = await writeStoredFile(ctx, { name: fileName, kind: 'report', now: input.now }, async (out) => {
    renderCertificatePdf(text, font, out, { author: ctx.actor.name, date: input.now });
    job?.progress('写入文件', 2, 3);
    await once(out, 'finish');
    job?.throwIfCancelled();
  });
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'hours.certificate', target: input.personId, detail: { name: who.realName, from: input.from, to: input.to, hours }, at: input.now });
  job?.progress('写入文件', 3, 3);
  return { fileName, hours, file };
}
