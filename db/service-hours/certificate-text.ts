import type { HoursEntry } from '../../electron/api/volunteer-service';
import type { ReportTable } from '../report/pdf/text';
import { roundHours } from './month';

/** The most activity rows one page holds; the rest are summed in one line. */
export const CERTIFICATE_ROWS = 18;

/** 志愿服务证明 as words: what the one-page PDF lays out. */
export interface CertificateText {
  title: string;
  body: string;
  activities: ReportTable;
  closing: string;
  issuer: string;
  issuedOn: string;
  footer: string;
}

const longDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

/**
 * The certificate's words: who (masked ID), the period, the total hours (no-shows count nothing),
 * the activities grouped by what was done (times, hours), the issuing office and the day.
 */
export function certificateText(input: { name: string; idNumber: string | null; from: string; to: string; entries: HoursEntry[]; office: string; issuedOn: string; serial: string }): CertificateText {
  const served = input.entries.filter((e) => e.hours > 0);
  const total = roundHours(served.reduce((s, e) => s + e.hours, 0));
  const groups = new Map<string, { times: number; hours: number; first: string; last: string }>();
  for (const e of served) {
    const g = groups.get(e.activity) ?? { times: 0, hours: 0, first: e.date, last: e.date };
    g.times += 1;
    g.hours += e.hours;
    if (e.date < g.first) g.first = e.date;
    if (e.date > g.last) g.last = e.date;
    groups.set(e.activity, g);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].hours - a[1].hours || a[0].localeCompare(b[0], 'zh-CN'));
  const shown = sorted.length > CERTIFICATE_ROWS ? sorted.slice(0, CERTIFICATE_ROWS - 1) : sorted;
  const rows = shown.map(([activity, g]) => [activity, g.first === g.last ? g.first : `${g.first} 至 ${g.last}`, String(g.times), String(roundHours(g.hours))]);
  if (shown.length < sorted.length) {
    const rest = sorted.slice(shown.length);
    rows.push([`其他 ${rest.length} 项服务`, '', String(rest.reduce((s, [, g]) => s + g.times, 0)), String(roundHours(rest.reduce((s, [, g]) => s + g.hours, 0)))]);
  }
  const id = input.idNumber ? `（身份证号：${input.idNumber}）` : '';
  return {
    title: '志愿服务证明',
    body: `兹证明 ${input.name}${id}于 ${longDay(input.from)} 至 ${longDay(input.to)} 期间，在${input.office || '本街道'}参加志愿服务，累计服务时长 ${total} 小时。服务内容如下：`,
    activities: { head: ['服务内容', '日期', '次数', '时长（小时）'], rows },
    closing: '特此证明。',
    issuer: input.office || '街道办事处',
    issuedOn: longDay(input.issuedOn),
    footer: `证明编号 ${input.serial} · 服务时长含人工登记并经确认的时长和排班表中到岗至离岗的时长`,
  };
}

/** Every character the certificate writes (the font must have each). */
export function certificateChars(text: CertificateText): string[] {
  const all = [text.title, text.body, text.closing, text.issuer, text.issuedOn, text.footer, ...text.activities.head, ...text.activities.rows.flat()].join('');
  return [...new Set([...all])].filter((c) => c.trim() !== '');
}
