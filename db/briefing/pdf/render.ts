import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { ReportFont } from '../../report/pdf/font';
import { INK, RULE, table, TITLE_RED, useFont } from '../../report/pdf/render';
import { briefingPdfChars, type BriefingPdfText } from './words';

const MARGIN = 36;
const GAP = 14;

/**
 * Today's 大屏 on one landscape A4 page: title and time, the key figures beside the buildings by
 * status, the communities below. Type shrinks for a street with many communities, so it stays one page.
 */
export function renderBriefingPdf(text: BriefingPdfText, font: ReportFont, out: Writable, info: { author: string; date: number }): void {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: text.title, Author: info.author, Subject: text.timeLine, CreationDate: new Date(info.date) },
  });
  useFont(doc, font, briefingPdfChars(text));
  doc.pipe(out);
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(TITLE_RED).fontSize(18).text(text.title, { align: 'center' });
  doc.fillColor(INK).fontSize(11).text(text.timeLine, { align: 'center' });
  doc.moveTo(MARGIN, doc.y + 4).lineTo(MARGIN + width, doc.y + 4).lineWidth(0.8).stroke(RULE);
  const top = doc.y + GAP;

  const left = width * 0.58;
  table(doc, text.figures, { size: 10, position: { x: MARGIN, y: top }, maxWidth: left, widths: [left * 0.34, '*', '*', left * 0.24] });
  const belowFigures = doc.y;
  table(doc, text.statuses, { size: 10, position: { x: MARGIN + left + GAP, y: top }, maxWidth: width - left - GAP });
  const belowTables = Math.max(belowFigures, doc.y) + GAP;

  // What is left of the page for the communities; a row is the type's line (about 1.2 em) with its
  // padding and rules: 10 pt unless that would not fit.
  const room = doc.page.maxY() - belowTables - 8;
  const rows = text.communities.rows.length + 1;
  const size = Math.max(4, Math.min(10, Math.floor(((room / rows - 3) / 1.2) * 2) / 2));
  table(doc, text.communities, { size, padding: size < 9 ? [1, 4] : [2, 6], position: { x: MARGIN, y: belowTables }, maxWidth: width });

  // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
  doc.page.margins.bottom = 0;
  doc.fontSize(8).fillColor(RULE).text(text.footer, MARGIN, doc.page.height - MARGIN + 8, { width, align: 'right', lineBreak: false });
  doc.end();
}
