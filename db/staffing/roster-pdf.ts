import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { BoardCell, StaffingBoard } from '../../electron/api/staffing';
import type { ReportFont } from '../report/pdf/font';
import { INK, RULE, TITLE_RED, useFont } from '../report/pdf/render';
import { filledOf } from './board';
import { clock, weekdayOf } from './time';
import { WEEKDAY_WORDS } from './words';

const MARGIN = 36;
const GAP_RED = '#b91c1c';
const GAP_FILL = '#fee2e2';
const OVER_FILL = '#fef3c7';
const HEAD_FILL = '#f3f4f6';
const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface RosterCell {
  text: string;
  state: 'gap' | 'over' | 'ok';
}

/** One cell of the roster: who is on it (未到岗 named), then 到/需, and 缺 n or 超 n. */
export function rosterCell(cell: BoardCell | undefined, needed: number): RosterCell {
  const people = cell?.people ?? [];
  const names = people.map((p) => (p.noShow ? `${p.name}（未到岗）` : p.name)).join('、');
  const filled = filledOf(people);
  const short = needed - filled;
  const tally = `${filled}/${needed}${short > 0 ? ` 缺 ${short}` : short < 0 ? ` 超 ${-short}` : ''}`;
  return { text: names ? `${names}\n${tally}` : tally, state: short > 0 ? 'gap' : short < 0 ? 'over' : 'ok' };
}

export interface RosterPdfText {
  title: string;
  period: string;
  totals: string;
  head: string[];
  sections: { heading: string; rows: (string | RosterCell)[][] }[];
  generatedAt: string;
}

const dayHead = (d: string) => `${WEEKDAY_WORDS[weekdayOf(d)]} ${d.slice(5)}`;
const sectionNumber = (i: number) => (i < SECTION_NUMBERS.length ? SECTION_NUMBERS[i]! : String(i + 1));

/** The words of the roster: a section per community, a row per post and shift, a column per day. */
export function rosterPdfText(board: StaffingBoard, generatedAt: string): RosterPdfText {
  const period = board.days.length === 1 ? `${board.days[0]}（${WEEKDAY_WORDS[weekdayOf(board.days[0]!)]}）` : `${board.days[0]} 至 ${board.days[board.days.length - 1]}`;
  const sections = board.communities.map((c, i) => ({
    heading: `${sectionNumber(i)}、${c.name}`,
    rows: c.posts.flatMap((p) =>
      p.templates.map((t) => [
        p.name,
        `${t.name}\n${clock(t.startMinute)}–${clock(t.startMinute + t.minutes)}`,
        String(p.staffNeeded),
        ...board.days.map((d) => rosterCell(p.cells.find((x) => x.date === d && x.templateId === t.id), p.staffNeeded)),
      ]),
    ),
  }));
  const { shifts, needed, filled, gaps } = board.totals;
  return {
    title: board.days.length === 1 ? '值守排班表（日）' : '值守排班表（周）',
    period,
    totals: `共 ${shifts} 个班次，需 ${needed} 人次，已排 ${filled} 人次，缺岗班次 ${gaps} 个（红色为缺岗，黄色为超员）`,
    head: ['点位', '班次', '每班', ...board.days.map(dayHead)],
    sections,
    generatedAt,
  };
}

/** Every character the roster writes, for the font check. */
export function rosterChars(text: RosterPdfText): string[] {
  const all = [text.title, text.period, text.totals, text.generatedAt, ...text.head];
  for (const s of text.sections) {
    all.push(s.heading);
    for (const row of s.rows) for (const c of row) all.push(typeof c === 'string' ? c : c.text);
  }
  return [...new Set([...all.join('')])].filter((c) => c.trim() !== '');
}

/**
 * Lays the roster out on landscape A4 with the report's Chinese font embedded: title, period and
 * totals, then per community a table of posts × shifts, gaps in red and over-staffing in amber.
 */
export function renderRosterPdf(text: RosterPdfText, font: ReportFont, out: Writable, info: { author: string; date: number }): void {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, lang: 'zh-CN', displayTitle: true, info: { Title: `${text.title} ${text.period}`, Author: info.author, CreationDate: new Date(info.date) } });
  useFont(doc, font, rosterChars(text));
  doc.pipe(out);
  doc.fillColor(TITLE_RED).fontSize(18).text(text.title, { align: 'center' });
  doc.fillColor(INK).fontSize(12).text(text.period, { align: 'center' });
  doc.fontSize(10).text(text.totals, { align: 'center' });
  doc.moveDown(0.6);
  const days = text.head.length - 3;
  const widths: (number | '*')[] = [96, 62, 30, ...Array.from({ length: days }, () => '*' as const)];
  for (const section of text.sections) {
    doc.x = MARGIN;
    if (doc.y + 80 > doc.page.maxY()) doc.addPage();
    doc.fillColor(INK).fontSize(13).text(section.heading, { paragraphGap: 4 });
    doc.fontSize(9);
    doc.table({
      columnStyles: widths.map((width) => ({ width })),
      defaultStyle: { border: 0.5, borderColor: RULE, padding: [2, 4], align: { x: 'center', y: 'center' } },
      data: [
        text.head.map((h) => ({ text: h, backgroundColor: HEAD_FILL })),
        ...section.rows.map((row) =>
          row.map((c, i) => {
            if (typeof c === 'string') return i === 0 ? { text: c, align: { x: 'left' as const, y: 'center' as const } } : c;
            if (c.state === 'gap') return { text: c.text, textColor: GAP_RED, backgroundColor: GAP_FILL };
            if (c.state === 'over') return { text: c.text, backgroundColor: OVER_FILL };
            return c.text;
          }),
        ),
      ],
    });
    doc.moveDown(0.6);
  }
  doc.x = MARGIN;
  doc.fillColor(INK).fontSize(9).text(text.generatedAt);
  doc.end();
}
