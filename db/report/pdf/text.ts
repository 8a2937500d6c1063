import { fillTemplate, type ParamValue } from '../../../messages';
import type { DailyReport } from '../../../electron/api/report';
import { REPORT_TEMPLATES, type ReportTemplateKey } from '../../../messages/report-words';

export interface ReportTable {
  head: string[];
  rows: string[][];
}

export type ReportBlock = { kind: 'text'; text: string } | { kind: 'subhead'; text: string } | { kind: 'table'; table: ReportTable };

/** The 日报 as words: what the PDF lays out, in the page's order and wording. */
export interface ReportText {
  title: string;
  dateLine: string;
  officeLine: string;
  scopeLine: string | null;
  sections: { heading: string; blocks: ReportBlock[] }[];
  preparedBy: string;
  reviewedBy: string;
  generatedAt: string;
}

const NUMBER = new Intl.NumberFormat('zh-CN');
const LONG_DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
const TIME = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const t = (key: ReportTemplateKey, params: Record<string, ParamValue> = {}) => fillTemplate(REPORT_TEMPLATES[key], params, 'zh-CN');
const n = (value: number) => NUMBER.format(value);
const time = (ms: number) => TIME.format(new Date(ms));
const percent = (done: number, of: number) => (of > 0 ? `${Math.floor((done / of) * 1000) / 10}%` : '—');

/** 2026年12月2日 for 2026-12-02. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return LONG_DATE.format(new Date(y, m - 1, d));
}

function buildings(r: DailyReport, asOf: string, scope: string, label: (status: string) => string): ReportBlock[] {
  const { total, byStatus, changes } = r.buildings;
  const changedTo = new Map(changes.byStatus.map((c) => [c.status, c.buildings]));
  const list = byStatus.map((s) => t('report.buildings.item', { status: label(s.status), n: n(s.buildings) })).join(t('report.listSeparator'));
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      text: t('report.buildings.summary', { asOf, scope, total: n(total), list }) + (changes.buildings > 0 ? t('report.buildings.changed', { n: n(changes.buildings) }) : t('report.buildings.unchanged')),
    },
    {
      kind: 'table',
      table: {
        head: [t('report.buildings.col.status'), t('report.buildings.col.count'), t('report.buildings.col.changedTo')],
        rows: byStatus.map((s) => [label(s.status), n(s.buildings), n(changedTo.get(s.status) ?? 0)]),
      },
    },
  ];
  if (changes.latest.length === 0) return blocks;
  return [
    ...blocks,
    { kind: 'subhead', text: t('report.buildings.latest') },
    {
      kind: 'table',
      table: {
        head: [t('report.buildings.col.address'), t('report.buildings.col.change'), t('report.buildings.col.at'), t('report.buildings.col.by')],
        rows: changes.latest.map((c) => [c.address, `${c.previousStatus ? label(c.previousStatus) : '—'} → ${label(c.status)}`, time(c.changedAt), c.changedBy]),
      },
    },
  ];
}

function screening(r: DailyReport, asOf: string): ReportBlock[] {
  const s = r.screening;
  if (s.rounds.length === 0) return [{ kind: 'text', text: t('report.screening.none') }];
  return [
    {
      kind: 'text',
      text: t('report.screening.summary', { asOf, rounds: n(s.rounds.length), visits: n(s.visitsToday), returnees: n(s.returneesToday), symptoms: n(s.symptomsToday), needs: n(s.needsToday) }),
    },
    {
      kind: 'table',
      table: {
        head: (['round', 'scope', 'households', 'done', 'nobodyHome', 'rate', 'visits'] as const).map((c) => t(`report.screening.col.${c}`)),
        rows: s.rounds.map((x) => [x.name, x.scopeLabel, n(x.households), n(x.done), n(x.nobodyHome), percent(x.done, x.households), n(x.visitsToday)]),
      },
    },
  ];
}

function requests(r: DailyReport, asOf: string): ReportBlock[] {
  const { needs, incidents, overdueAfterHours: hours } = r.requests;
  return [
    {
      kind: 'text',
      text: t('report.requests.summary', {
        needsIn: n(needs.received),
        needsDone: n(needs.resolved),
        incidentsIn: n(incidents.received),
        incidentsDone: n(incidents.resolved),
        asOf,
        needsOpen: n(needs.open),
        incidentsOpen: n(incidents.open),
        hours,
        overdue: n(needs.overdue + incidents.overdue),
      }),
    },
    {
      kind: 'table',
      table: {
        head: [t('report.requests.col.kind'), t('report.requests.col.received'), t('report.requests.col.resolved'), t('report.requests.col.open'), t('report.requests.col.overdue', { hours })],
        rows: (
          [
            ['report.requests.needs', needs],
            ['report.requests.incidents', incidents],
          ] as const
        ).map(([key, c]) => [t(key), n(c.received), n(c.resolved), n(c.open), n(c.overdue)]),
      },
    },
  ];
}

/**
 * The report's words, as the 日报 page writes them in Chinese: title, date, office, numbered
 * sections with their sentences and small tables, the signature lines. `label` names a status.
 */
export function reportText(r: DailyReport, label: (status: string) => string, generatedAt: number): ReportText {
  const endOfDay = r.asOf === r.until - 1;
  const date = longDate(r.date);
  const asOf = endOfDay ? t('report.asOfWord.endOfDay') : time(r.asOf);
  const scope = t(r.scope === 'grids' ? 'report.scope.gridsWord' : 'report.scope.streetWord');
  const sections: [ReportTemplateKey, ReportBlock[]][] = [
    ['report.section.buildings', buildings(r, asOf, scope, label)],
    ['report.section.screening', screening(r, asOf)],
    ['report.section.requests', requests(r, asOf)],
    ['report.section.safe', [{ kind: 'text', text: t('report.safe.summary', { asOf, scope, total: n(r.safeCompounds.total), granted: n(r.safeCompounds.grantedToday), revoked: n(r.safeCompounds.revokedToday) }) }]],
  ];
  return {
    title: t('report.title', { office: r.office.name }),
    dateLine: endOfDay ? t('report.asOf.endOfDay', { date }) : t('report.asOf.now', { date, time: asOf }),
    officeLine: t('report.office', { office: r.office.name, city: r.office.city, district: r.office.district }),
    scopeLine: r.scope === 'grids' ? t('report.scope.grids', { grids: r.gridNames.join(t('report.listSeparator')) }) : null,
    sections: sections.map(([key, blocks], i) => ({ heading: `${NUMERALS[i] ?? i + 1}、${t(key)}`, blocks })),
    preparedBy: t('report.preparedBy', { name: r.preparedBy }),
    reviewedBy: t('report.reviewedBy'),
    generatedAt: t('report.generatedAt', { at: DATE_TIME.format(new Date(generatedAt)) }),
  };
}

/** Every character the report writes, once each. */
export function reportChars(text: ReportText): string[] {
  const all: string[] = [text.title, text.dateLine, text.officeLine, text.scopeLine ?? '', text.preparedBy, text.reviewedBy, text.generatedAt];
  for (const s of text.sections) {
    all.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'table') all.push(...b.table.head, ...b.table.rows.flat());
      else all.push(b.text);
    }
  }
  return [...new Set([...all.join('')])].filter((c) => c.trim() !== '');
}
