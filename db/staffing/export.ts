import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { StoredFile } from '../files/store';
import { tableSheet, writeXlsxExport, type ExportColumn } from '../files/xlsx-export';
import type { JobControl } from '../jobs/types';
import { filledOf, staffingBoard } from './board';
import { clock, dayStart, weekStart, weekdayOf } from './time';
import { kindWord, WEEKDAY_WORDS } from './words';

export const ROSTER_FIXED_HEADERS = ['点位', '类型', '班次', '时间', '每班人数'];

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string, taken: Set<string>) => {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let n = 1;
  let out = base;
  while (taken.has(out)) out = `${base}(${++n})`;
  taken.add(out);
  base = out;
  return base;
};

/**
 * The week from Monday of `from` as an .xlsx roster: one sheet per community, a row per post and
 * shift, a column per day with who is on it (缺 n where short). Audited; a cancel leaves no file.
 */
export async function exportWeek(ctx: ServiceContext, input: { from: string; now: number }, job?: JobControl): Promise<{ fileName: string; rows: number; file: StoredFile }> {
  authorize(ctx.actor, 'staffing.read');
  if (dayStart(input.from) === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: input.from }, 'from');
  const monday = weekStart(input.from);
  const board = staffingBoard(ctx, { from: monday, days: 7 }, input.now);
  const fileName = `排班表-${monday}.xlsx`;
  const taken = new Set<string>();
  const headers = [...ROSTER_FIXED_HEADERS, ...board.days.map((d) => `${WEEKDAY_WORDS[weekdayOf(d)]} ${d.slice(5)}`)];
  const columns: ExportColumn<unknown[]>[] = headers.map((header, k) => ({ header, width: k === 0 ? 24 : k < 5 ? 10 : 22, value: (row) => row[k] }));
  const sheets = board.communities.map((c) => {
    const rows = c.posts.flatMap((p) =>
      p.templates.map((t) => {
        const cells = board.days.map((d) => {
          const cell = p.cells.find((x) => x.date === d && x.templateId === t.id);
          const people = cell?.people ?? [];
          const names = people.map((x) => (x.noShow ? `${x.name}（未到岗）` : x.name)).join('、');
          const missing = p.staffNeeded - filledOf(people);
          return missing > 0 ? `${names}${names ? ' ' : ''}缺 ${missing}` : names;
        });
        return [p.name, kindWord(p.kind), t.name, `${clock(t.startMinute)}–${clock(t.startMinute + t.minutes)}`, p.staffNeeded, ...cells];
      }),
    );
    return tableSheet<unknown[]>({ name: sheetName(c.name, taken), columns, count: rows.length, chunks: () => [rows], phase: '写入社区', frozenColumns: 3 });
  });
  const rows = sheets.reduce((n, sh) => n + sh.count, 0);
  const notes: [string, unknown][] = [
    ['周次', `${board.days[0]} 至 ${board.days[6]}`],
    ['缺岗班次', board.totals.gaps],
  ];
  const file = await writeXlsxExport(ctx, { fileName, now: input.now, sheets, notes }, job);
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'staffing.export', target: fileName, detail: { from: monday, rows } });
  return { fileName, rows, file };
}
