import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { appendAudit } from '../audit/append';
import { authorize, ROLE_LABELS } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { commitFile, discardFile, reserveFile, type StoredFile } from '../files/store';
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
  const target = reserveFile(ctx.dataDir);
  const out = createWriteStream(target.path, { mode: 0o600 });
  let rows = 0;
  try {
    await once(out, 'open');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = ctx.actor.name;
    const taken = new Set<string>();
    const dayHeaders = board.days.map((d) => `${WEEKDAY_WORDS[weekdayOf(d)]} ${d.slice(5)}`);
    board.communities.forEach((c, i) => {
      job?.throwIfCancelled();
      job?.progress('写入社区', i, board.communities.length);
      const sheet = wb.addWorksheet(sheetName(c.name, taken), { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
      sheet.columns = [...ROSTER_FIXED_HEADERS, ...dayHeaders].map((header, k) => ({ header, key: `c${k}`, width: k === 0 ? 24 : k < 5 ? 10 : 22 }));
      sheet.getRow(1).font = { bold: true };
      for (const p of c.posts) {
        for (const t of p.templates) {
          const cells = board.days.map((d) => {
            const cell = p.cells.find((x) => x.date === d && x.templateId === t.id);
            const people = cell?.people ?? [];
            const names = people.map((x) => (x.noShow ? `${x.name}（未到岗）` : x.name)).join('、');
            const missing = p.staffNeeded - filledOf(people);
            return missing > 0 ? `${names}${names ? ' ' : ''}缺 ${missing}` : names;
          });
          sheet.addRow([p.name, kindWord(p.kind), t.name, `${clock(t.startMinute)}–${clock(t.startMinute + t.minutes)}`, p.staffNeeded, ...cells]).commit();
          rows++;
        }
      }
      sheet.commit();
    });
    const notes = wb.addWorksheet('说明');
    notes.columns = [{ width: 12 }, { width: 60 }];
    notes.addRow(['周次', `${board.days[0]} 至 ${board.days[6]}`]);
    notes.addRow(['导出人', `${ctx.actor.name}（${ROLE_LABELS[ctx.actor.role]['zh-CN']}）`]);
    notes.addRow(['缺岗班次', board.totals.gaps]);
    notes.commit();
    job?.progress('写入文件', board.communities.length, board.communities.length);
    await wb.commit();
    job?.throwIfCancelled();
  } catch (err) {
    if (!out.closed) await new Promise<void>((closed) => out.destroy().once('close', () => closed()));
    discardFile(ctx.dataDir, target.id);
    throw err;
  }
  const file = commitFile(ctx.dataDir, target.id, { name: fileName, kind: 'export', ownerId: ctx.actor.id, createdAt: input.now });
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'staffing.export', target: fileName, detail: { from: monday, rows } });
  return { fileName, rows, file };
}
