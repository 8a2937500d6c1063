import type { RosterFilter } from '../../electron/api/volunteers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { fileStamp, tableSheet, writeXlsxExport, type ExportColumn } from '../files/xlsx-export';
import type { JobControl } from '../jobs/types';
import { rosterSelect, rosterWhere, toRow, type RosterRecord } from './roster';
import { KIND_WORDS, STATUS_WORDS } from './words';
import type { VolunteerRow } from '../../electron/api/volunteers';

export const ROSTER_EXPORT_HEADERS = ['姓名', '性别', '联系电话', '类型', '单位', '社区', '楼栋', '特长', '状态', '已确认值守须知', '队伍'];

const COLUMNS: ExportColumn<VolunteerRow>[] = [
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => (r.gender === 'male' ? '男' : '女') },
  { header: '联系电话', width: 16, value: (r) => r.phone },
  { header: '类型', width: 14, value: (r) => KIND_WORDS[r.kind] },
  { header: '单位', width: 20, value: (r) => r.unit ?? '' },
  { header: '社区', width: 16, value: (r) => r.communityName ?? '' },
  { header: '楼栋', width: 14, value: (r) => r.building ?? '' },
  { header: '特长', width: 20, value: (r) => r.skills.join('、') },
  { header: '状态', width: 8, value: (r) => STATUS_WORDS[r.status] },
  { header: '已确认值守须知', width: 16, value: (r) => (r.briefingAt ? '是' : '否') },
  { header: '队伍', width: 20, value: (r) => r.teams.join('、') },
];

/** The filtered roster as .xlsx with Chinese headers (phones masked, as everywhere), by stream; audited. */
export async function exportRoster(ctx: ServiceContext, input: RosterFilter & { now: number }, job?: JobControl): Promise<{ rows: number; file: StoredFile }> {
  authorize(ctx.actor, 'volunteers.read');
  const { from, params } = rosterWhere(ctx, input, input.now);
  const select = ctx.sqlite.prepare<unknown[], RosterRecord>(rosterSelect(`SELECT v.id FROM ${from}`));
  const rows = select.all(...params).map((r) => toRow(ctx, r));
  function* chunks(size: number): Iterable<VolunteerRow[]> {
    for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
  }
  const fileName = `志愿者名册-${fileStamp(input.now)}.xlsx`;
  const filters = [input.kind && KIND_WORDS[input.kind], input.status && STATUS_WORDS[input.status], input.specialty, input.active === undefined ? undefined : input.active ? '本月活跃' : '本月未活跃', input.q && `搜索「${input.q}」`].filter(Boolean).join('，');
  const file = await writeXlsxExport(
    ctx,
    {
      fileName,
      now: input.now,
      sheets: [tableSheet<VolunteerRow>({ name: '志愿者名册', columns: COLUMNS, count: rows.length, chunks, phase: '写入志愿者', autoFilter: true, frozenColumns: 1 })],
      notes: [
        ['筛选', filters || '全部'],
        ['人数', rows.length],
      ],
    },
    job,
  );
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'volunteers.export', target: fileName, detail: { rows: rows.length, filters: filters || '全部' } });
  return { rows: rows.length, file };
}
