import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { ServiceError } from '../../errors';
import type { ReportFont } from './font';
import { reportChars, type ReportTable, type ReportText } from './text';

const FONT = 'report-cjk';
const MARGIN = 56;
const SIZE = { title: 18, date: 12, body: 11, heading: 13, table: 10 };
const GAP = { para: 5, section: 8 };
const HEAD_FILL = '#f3f4f6';
export const RULE = '#9ca3af';
export const TITLE_RED = '#b91c1c';
export const INK = '#111827';

interface FontFace {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Opens the font in the document and refuses one that lacks a character the document writes (`chars`). */
export function useFont(doc: PDFKit.PDFDocument, font: ReportFont, chars: readonly string[]): void {
  try {
    doc.registerFont(FONT, font.path, font.face as string);
    doc.font(FONT);
  } catch (err) {
    throw new ServiceError('NOT_FOUND', 'report.fontUnreadable', { file: font.path, name: font.face ?? (err as Error).message });
  }
  const face = (doc as unknown as { _font: { font?: FontFace } })._font.font;
  if (!face) throw new ServiceError('NOT_FOUND', 'report.fontUnreadable', { file: font.path, name: font.face ?? '—' });
  const missing = chars.filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
  if (missing.length > 0) throw new ServiceError('NOT_FOUND', 'report.fontMissingGlyphs', { font: face.postscriptName, chars: missing.slice(0, 20).join('') });
}

/** Starts a new page unless `height` more points fit on this one (a heading keeps its first lines, the signatures stay together). */
function keep(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** A small plain table: a shaded head row, the first column left-aligned; `layout` places it (a width, a position). */
export function table(doc: PDFKit.PDFDocument, t: ReportTable, layout: { size?: number; padding?: [number, number]; position?: { x: number; y: number }; maxWidth?: number; widths?: (number | '*')[] } = {}): void {
  doc.fontSize(layout.size ?? SIZE.table);
  doc.table({
    ...(layout.position ? { position: layout.position } : {}),
    ...(layout.maxWidth ? { maxWidth: layout.maxWidth } : {}),
    ...(layout.widths ? { columnStyles: layout.widths.map((width) => ({ width })) } : {}),
    defaultStyle: { border: 0.5, borderColor: RULE, padding: layout.padding ?? [2, 6], align: { x: 'center', y: 'center' } },
    data: [
      t.head.map((text) => ({ text, backgroundColor: HEAD_FILL })),
      ...t.rows.map((row) => row.map((text, i) => (i === 0 ? { text, align: { x: 'left' as const, y: 'center' as const } } : text))),
    ],
  });
  doc.moveDown(0.5);
}

/**
 * Lays the 日报 out on A4 with its Chinese font embedded (a subset: only the characters used) and
 * writes it to `out`: title, date, office, numbered sections with sentences and small tables,
 * the signature lines. The text stays selectable and searchable.
 */
export function renderReportPdf(text: ReportText, font: ReportFont, out: Writable, info: { author: string; date: number }): void {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: text.title, Author: info.author, Subject: text.dateLine, CreationDate: new Date(info.date) },
  });
  useFont(doc, font, reportChars(text));
  doc.pipe(out);
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(TITLE_RED).fontSize(SIZE.title).text(text.title, { align: 'center' });
  doc.fillColor(INK).moveDown(0.4);
  doc.fontSize(SIZE.date).text(text.dateLine, { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(SIZE.body).text(text.officeLine, { align: 'center' });
  if (text.scopeLine) doc.text(text.scopeLine, { align: 'center' });
  doc.moveTo(MARGIN, doc.y + 4).lineTo(MARGIN + width, doc.y + 4).lineWidth(0.8).stroke(RULE);
  doc.moveDown(0.8);

  for (const section of text.sections) {
    doc.x = MARGIN;
    keep(doc, SIZE.heading * 2 + SIZE.body * 4);
    doc.fontSize(SIZE.heading).text(section.heading, { paragraphGap: GAP.para });
    for (const block of section.blocks) {
      doc.x = MARGIN;
      if (block.kind === 'table') table(doc, block.table);
      else if (block.kind === 'subhead') doc.fontSize(SIZE.body).text(block.text, { paragraphGap: 2 });
      else doc.fontSize(SIZE.body).text(block.text, { paragraphGap: GAP.para, lineGap: 3, indent: SIZE.body * 2 });
    }
    doc.moveDown(GAP.section / SIZE.body);
  }

  doc.x = MARGIN;
  doc.moveDown(0.5);
  doc.fontSize(SIZE.body);
  keep(doc, SIZE.body * 3.5);
  const y = doc.y;
  doc.text(text.preparedBy, MARGIN, y, { width: width / 2, lineBreak: false });
  const reviewX = MARGIN + width / 2;
  doc.text(text.reviewedBy, reviewX, y, { width: width / 2, lineBreak: false });
  const lineX = reviewX + doc.widthOfString(text.reviewedBy) + 4;
  doc.moveTo(lineX, y + SIZE.body + 2).lineTo(lineX + 110, y + SIZE.body + 2).lineWidth(0.6).stroke(RULE);
  doc.text(text.generatedAt, MARGIN, y + SIZE.body * 1.8, { width });
  doc.end();
}
