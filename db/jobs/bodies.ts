import { checkDatabase } from '../backup/startup-check';
import { manualBackup } from '../backup/vault-ops';
import { exportBuildings } from '../buildings/export';
import type { ServiceContext } from '../context';
import { exportReportPdf } from '../report/export-pdf';
import { exportBriefingPdf } from '../briefing/export-pdf';
import { startRound } from '../screening/start';
import { exportRequests } from '../requests/export';
import { exportWeek } from '../staffing/export';
import { exportRosterPdf } from '../staffing/export-pdf';
import { proposeFill } from '../staffing/auto-fill';
import { exportLedger } from '../service-hours/export';
import { exportCertificate } from '../service-hours/certificate-pdf';
import type { JobOutcome } from './manager';
import type { JobBody } from './types';

type ExportInput = Parameters<typeof exportBuildings>[1];
type StartInput = Parameters<typeof startRound>[1];
type ReportPdfInput = Parameters<typeof exportReportPdf>[1];
type RequestExportInput = Parameters<typeof exportRequests>[1];
type RosterExportInput = Parameters<typeof exportWeek>[1];
type RosterPdfInput = Parameters<typeof exportRosterPdf>[1];
type AutoFillInput = Parameters<typeof proposeFill>[1];
type LedgerExportInput = Parameters<typeof exportLedger>[1];
type CertificateInput = Parameters<typeof exportCertificate>[1];

const fmt = (n: number) => n.toLocaleString('zh-CN');

/**
 * The jobs that run in a job thread on their own connection, by kind. Each body writes in one
 * transaction (or to a file it discards on failure), so a cancel or a crash leaves nothing behind.
 */
export const THREAD_JOBS = {
  'buildings.export': (async (ctx: ServiceContext, input: ExportInput, job) => {
    const out = await exportBuildings(ctx, input, job);
    return { summary: `已导出 ${fmt(out.rows)} 栋楼`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { rows: out.rows } };
  }) satisfies JobBody<ExportInput, JobOutcome>,
  'report.exportPdf': (async (ctx: ServiceContext, input: ReportPdfInput, job) => {
    const out = await exportReportPdf(ctx, input, job);
    return { summary: `已生成 ${out.date} 日报 PDF`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { date: out.date, scope: out.scope } };
  }) satisfies JobBody<ReportPdfInput, JobOutcome>,
  'briefing.exportPdf': (async (ctx: ServiceContext, _input: unknown, job) => {
    const out = await exportBriefingPdf(ctx, job);
    return { summary: '已生成大屏快照 PDF', file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { scope: out.scope } };
  }) satisfies JobBody<unknown, JobOutcome>,
  'requests.export': (async (ctx: ServiceContext, input: RequestExportInput, job) => {
    const out = await exportRequests(ctx, input, job);
    return { summary: `已导出 ${fmt(out.rows)} 条诉求`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { rows: out.rows } };
  }) satisfies JobBody<RequestExportInput, JobOutcome>,
  'staffing.exportWeek': (async (ctx: ServiceContext, input: RosterExportInput, job) => {
    const out = await exportWeek(ctx, input, job);
    return { summary: `已导出排班表（${fmt(out.rows)} 行）`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { rows: out.rows } };
  }) satisfies JobBody<RosterExportInput, JobOutcome>,
  'staffing.exportPdf': (async (ctx: ServiceContext, input: RosterPdfInput, job) => {
    const out = await exportRosterPdf(ctx, input, job);
    return { summary: `已生成排班表 PDF（缺岗班次 ${fmt(out.gaps)} 个）`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { shifts: out.shifts, gaps: out.gaps } };
  }) satisfies JobBody<RosterPdfInput, JobOutcome>,
  'staffing.autoFill': ((ctx: ServiceContext, input: AutoFillInput, job) => {
    const out = proposeFill(ctx, input, job);
    return { summary: `自动排班建议 ${fmt(out.proposals.length)} 人次，共缺 ${fmt(out.open)} 人次`, result: out };
  }) satisfies JobBody<AutoFillInput, JobOutcome>,
  'serviceHours.export': (async (ctx: ServiceContext, input: LedgerExportInput, job) => {
    const out = await exportLedger(ctx, input, job);
    return { summary: `已导出 ${input.month} 服务时长（${fmt(out.rows)} 条）`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { rows: out.rows } };
  }) satisfies JobBody<LedgerExportInput, JobOutcome>,
  'serviceHours.certificate': (async (ctx: ServiceContext, input: CertificateInput, job) => {
    const out = await exportCertificate(ctx, input, job);
    return { summary: `已开具志愿服务证明（${out.hours} 小时）`, file: { fileId: out.file.id, name: out.file.name, size: out.file.size }, result: { hours: out.hours } };
  }) satisfies JobBody<CertificateInput, JobOutcome>,
  'backups.create': (async (ctx: ServiceContext, _input: unknown, job) => {
    job.throwIfCancelled();
    job.progress('写入备份', 0, 1);
    const entry = await manualBackup(ctx.actor, ctx.sqlite, ctx.dataDir, job.databaseKey, () => job.throwIfCancelled());
    return { summary: `已备份为 ${entry.name}`, result: entry };
  }) satisfies JobBody<unknown, JobOutcome>,
  /** The integrity check after every open: read-only work, beside everything else. */
  'database.check': ((ctx: ServiceContext) => {
    const check = checkDatabase(ctx.sqlite);
    return { summary: check.ok ? '数据库完整性检查通过' : `数据库已损坏：${check.problems.slice(0, 3).join('；')}`, result: check };
  }) satisfies JobBody<unknown, JobOutcome>,
  'screening.start': ((ctx: ServiceContext, input: StartInput, job) => {
    const round = startRound(ctx, input, job);
    return { summary: `已发起「${round.name}」，共 ${fmt(round.households)} 户待走访`, result: round };
  }) satisfies JobBody<StartInput, JobOutcome>,
};

export type ThreadJobKind = keyof typeof THREAD_JOBS;

export const JOB_LABELS: Record<ThreadJobKind | 'backups.create' | 'backups.restore' | 'seed', string> = {
  'buildings.export': '导出楼栋 Excel',
  'report.exportPdf': '导出日报 PDF',
  'briefing.exportPdf': '导出大屏 PDF',
  'requests.export': '导出诉求 Excel',
  'screening.start': '发起入户摸排',
  'staffing.exportWeek': '导出排班表',
  'staffing.exportPdf': '导出排班表 PDF',
  'staffing.autoFill': '自动排班',
  'serviceHours.export': '导出服务时长 Excel',
  'serviceHours.certificate': '开具志愿服务证明',
  'backups.create': '立即备份',
  'backups.restore': '从备份恢复',
  'database.check': '数据库完整性检查',
  seed: '生成演示数据',
};
