import type { Briefing, BriefingFigure, BriefingFigureKey } from '../../../electron/api/briefing';
import type { ReportTable } from '../../report/pdf/text';
import { BRIEFING_PDF_WORDS } from '../../../messages/briefing-words';

const w = BRIEFING_PDF_WORDS;
const COUNT = new Intl.NumberFormat('zh-CN');
const TIME = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

export interface BriefingPdfText {
  title: string;
  timeLine: string;
  figures: ReportTable;
  statuses: ReportTable;
  communities: ReportTable;
  footer: string;
}

/** A figure as the display shows it: a count with separators, or a share in per cent with one decimal. */
export function figureValue(f: Pick<BriefingFigure, 'format'>, value: number): string {
  return f.format === 'percent' ? `${(value * 100).toFixed(1)}%` : COUNT.format(value);
}

function change(f: BriefingFigure): string {
  if (f.yesterday === null) return f.new24h === undefined ? '—' : `24 小时新增 ${COUNT.format(f.new24h)}`;
  const d = f.value - f.yesterday;
  if (d === 0) return '持平';
  const sign = d > 0 ? '+' : '−';
  return f.format === 'percent' ? `${sign}${Math.abs(d * 100).toFixed(1)} 个百分点` : `${sign}${COUNT.format(Math.abs(d))}`;
}

const share = (done: number, total: number) => (total === 0 ? '—' : `${((done / total) * 100).toFixed(1)}%`);

/** Today's 大屏 in words and small tables, for the one-page PDF. */
export function briefingPdfText(b: Briefing, now: number, author: string): BriefingPdfText {
  const label = new Map(b.statuses.map((s) => [s.key, s.label]));
  return {
    title: `${b.street}${w['briefing.title']}快照`,
    timeLine: `截至 ${TIME.format(new Date(now))}${b.scope === 'grids' ? '（仅含本人负责的网格）' : ''}`,
    figures: {
      head: ['指标', '当前', '昨日同期', '变化'],
      rows: b.figures.map((f) => [
        `${w[`briefing.figure.${f.key}` as `briefing.figure.${BriefingFigureKey}`]}${f.attention ? `（${w['briefing.attention']}）` : ''}`,
        figureValue(f, f.value),
        f.yesterday === null ? '—' : figureValue(f, f.yesterday),
        change(f),
      ]),
    },
    statuses: {
      head: ['管控状态', '楼栋', '昨日同期'],
      rows: b.byStatus.map((s) => [label.get(s.status) ?? s.status, COUNT.format(s.buildings), COUNT.format(s.yesterday)]),
    },
    communities: {
      head: ['社区', '楼栋', w['briefing.community.controlled'], w['briefing.community.safe'], w['briefing.community.observation'], w['briefing.community.isolation'], w['briefing.community.screening'], w['briefing.community.needs'], w['briefing.community.incidents']],
      rows: b.communities.map((c) => [
        c.name,
        COUNT.format(c.buildings),
        COUNT.format(c.controlled),
        COUNT.format(c.safeCompounds),
        COUNT.format(c.homeObservation),
        COUNT.format(c.isolation),
        share(c.screening.done, c.screening.households),
        COUNT.format(c.openNeeds),
        COUNT.format(c.openIncidents),
      ]),
    },
    footer: `由 ${author} 导出，数据均由 GridDesk 从数据库统计`,
  };
}

/** Every character the PDF writes, once each (the font must have them all). */
export function briefingPdfChars(text: BriefingPdfText): string[] {
  const tables = [text.figures, text.statuses, text.communities].flatMap((t) => [...t.head, ...t.rows.flat()]);
  return [...new Set([...[text.title, text.timeLine, text.footer, ...tables].join('')])].filter((c) => c.trim() !== '');
}
