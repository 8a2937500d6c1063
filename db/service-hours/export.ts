import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { tableSheet, writeXlsxExport } from '../files/xlsx-export';
import type { JobControl } from '../jobs/types';
import { nameFor } from '../personal-data';
import { monthRange, roundHours } from './month';
import { communityScope } from './scope';
import { hoursTotals } from './totals';

interface LedgerRow {
  date: string;
  name: string;
  kind: string;
  activity: string;
  community: string | null;
  community_id: string | null;
  hours: number;
  no_show: number;
  confirmed_by: string | null;
}

export const LEDGER_HEADERS = ['日期', '姓名', '来源', '服务内容', '社区', '时长（小时）', '未到岗', '确认人'];

/**
 * `serviceHours.export`: the month's ledger as .xlsx with Chinese headers — every manual entry and
 * every shift with 到岗/离岗 or 未到岗 — then the totals per person, team and community. Audited;
 * a cancel leaves no file.
 */
export async function exportLedger(ctx: ServiceContext, input: { month: string; now: number }, job?: JobControl): Promise<{ fileName: string; rows: number; file: StoredFile }> {
  authorize(ctx.actor, 'hours.read');
  const { from, to, startMs, endMs } = monthRange(input.month);
  const scope = communityScope(ctx.sqlite, ctx.actor);
  const all = ctx.sqlite
    .prepare<unknown[], LedgerRow>(
      `SELECT h.date, pe.name, '人工登记' AS kind, h.activity, c.name AS community, c.id AS community_id, h.minutes / 60.0 AS hours, 0 AS no_show, h.confirmed_by
       FROM service_hours h JOIN people pe ON pe.id = h.person_id LEFT JOIN volunteer_teams t ON t.id = h.team_id
            LEFT JOIN communities c ON c.id = COALESCE(h.community_id, t.community_id)
       WHERE h.deleted = 0 AND h.date BETWEEN ? AND ?
       UNION ALL
       SELECT a.date, pe.name, '排班' AS kind, p.name AS activity, c.name, c.id,
              CASE WHEN a.signed_in_at IS NOT NULL AND a.signed_out_at > a.signed_in_at THEN (a.signed_out_at - a.signed_in_at) / 3600000.0 ELSE 0 END,
              a.no_show, NULL
       FROM shift_assignments a JOIN duty_posts p ON p.id = a.post_id JOIN people pe ON pe.id = a.person_id JOIN communities c ON c.id = p.community_id
       WHERE a.deleted = 0 AND a.starts_at >= ? AND a.starts_at < ? AND (a.no_show = 1 OR a.signed_in_at IS NOT NULL)
       ORDER BY 1, 2`,
    )
    .all(from, to, startMs, endMs);
  const rows = scope === null ? all : all.filter((r) => r.community_id !== null && scope.has(r.community_id));
  const totals = hoursTotals(ctx, { month: input.month });
  const fileName = `志愿服务时长-${input.month}.xlsx`;
  const ledger = tableSheet<LedgerRow>({
    name: '时长台账',
    phase: '写入时长台账',
    count: rows.length,
    autoFilter: true,
    frozenColumns: 2,
    chunks: function* (size) {
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
    },
    columns: [
      { header: LEDGER_HEADERS[0]!, width: 12, value: (r) => r.date },
      { header: LEDGER_HEADERS[1]!, width: 10, value: (r) => nameFor(ctx.actor, r.name) },
      { header: LEDGER_HEADERS[2]!, width: 10, value: (r) => r.kind },
      { header: LEDGER_HEADERS[3]!, width: 28, value: (r) => r.activity },
      { header: LEDGER_HEADERS[4]!, width: 16, value: (r) => r.community ?? '' },
      { header: LEDGER_HEADERS[5]!, width: 12, value: (r) => roundHours(r.hours) },
      { header: LEDGER_HEADERS[6]!, width: 8, value: (r) => (r.no_show ? '是' : '') },
      { header: LEDGER_HEADERS[7]!, width: 10, value: (r) => r.confirmed_by ?? '' },
    ],
  });
  const people = tableSheet({
    name: '个人合计',
    phase: '写入个人合计',
    count: totals.people.length,
    chunks: () => [totals.people],
    columns: [
      { header: '姓名', width: 10, value: (p: (typeof totals.people)[number]) => p.name },
      { header: '人工登记（小时）', width: 16, value: (p) => p.manualHours },
      { header: '排班（小时）', width: 14, value: (p) => p.shiftHours },
      { header: '合计（小时）', width: 14, value: (p) => p.hours },
      { header: '未到岗次数', width: 12, value: (p) => p.noShows },
      { header: '本月活跃', width: 10, value: (p) => (p.active ? '是' : '否') },
    ],
  });
  const teams = tableSheet({
    name: '队伍合计',
    phase: '写入队伍合计',
    count: totals.teams.length,
    chunks: () => [totals.teams],
    columns: [
      { header: '队伍', width: 20, value: (t: (typeof totals.teams)[number]) => t.name },
      { header: '社区', width: 16, value: (t) => t.communityName ?? '' },
      { header: '队员', width: 8, value: (t) => t.members },
      { header: '活跃队员', width: 10, value: (t) => t.active },
      { header: '合计（小时）', width: 14, value: (t) => t.hours },
    ],
  });
  const communities = tableSheet({
    name: '社区合计',
    phase: '写入社区合计',
    count: totals.communities.length,
    chunks: () => [totals.communities],
    columns: [
      { header: '社区', width: 16, value: (c: (typeof totals.communities)[number]) => c.name },
      { header: '服务人数', width: 10, value: (c) => c.people },
      { header: '合计（小时）', width: 14, value: (c) => c.hours },
    ],
  });
  const notes: [string, unknown][] = [
    ['月份', input.month],
    ['全街道服务时长（小时）', totals.street.hours],
    ['活跃志愿者门槛（小时/月）', totals.activeThreshold],
    ['活跃人数', totals.street.active],
    ['未到岗次数', totals.street.noShows],
  ];
  const file = await writeXlsxExport(ctx, { fileName, now: input.now, sheets: [ledger, people, teams, communities], notes }, job);
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'hours.export', target: fileName, detail: { month: input.month, rows: rows.length }, at: input.now });
  return { fileName, rows: rows.length, file };
}
