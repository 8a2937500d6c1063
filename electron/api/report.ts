import { z } from 'zod';
import { mutation, query } from './define';
import type { JobInfo } from './jobs';
import type { ControlStatus } from './common';
import type { OverviewStatusChanges, RequestDayFigures } from './overview';

/** A calendar day in the office's local time: 2026-12-03. */
export const reportDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期的格式应为 年-月-日，例如 2026-12-03')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
  }, '没有这一天，请选择一个有效的日期');

export interface ReportStatusCount {
  status: ControlStatus;
  buildings: number;
}

/** One screening round open at the end of the day, its progress then and the day's visits (the caller's scope). */
export interface ReportRound {
  id: string;
  number: number;
  name: string;
  scopeLabel: string;
  households: number;
  /** Visited or refused by the end of the day. */
  done: number;
  /** Nobody at home at the last visit by then: queued again. */
  nobodyHome: number;
  /** Households whose visit was recorded during the day. */
  visitsToday: number;
  returneesToday: number;
  symptomsToday: number;
  needsToday: number;
}

export interface ReportScreening {
  rounds: ReportRound[];
  visitsToday: number;
  returneesToday: number;
  symptomsToday: number;
  needsToday: number;
}

/** 放心楼院 holding the designation at the end of the day, and the day's grants and revocations. */
export interface ReportSafeCompounds {
  total: number;
  grantedToday: number;
  revokedToday: number;
}

/**
 * 日报: the day's figures as the street office sends them up each evening. Every figure is as of
 * the end of the day (now, for today) where the data keeps its history, for the caller's scope.
 */
export interface DailyReport {
  date: string;
  /** Today where the service runs: the day a window in another time zone offers as 今天. */
  today: string;
  /** The day: from its local midnight up to (not including) the next. */
  from: number;
  until: number;
  /** The moment the figures stand at: the end of the day, or now while it is today. */
  asOf: number;
  office: { name: string; city: string; district: string };
  /** `grids` for a grid worker: every figure covers their grids only (named in `gridNames`). */
  scope: 'street' | 'grids';
  gridNames: string[];
  /** Who asked for the report: the 报送人 line. */
  preparedBy: string;
  buildings: {
    total: number;
    /** Buildings per status at `asOf`, strictest first; every status in use, with none as 0. */
    byStatus: ReportStatusCount[];
    /** Status changes recorded during the day. */
    changes: OverviewStatusChanges;
  };
  screening: ReportScreening;
  requests: RequestDayFigures;
  safeCompounds: ReportSafeCompounds;
}

export const reportMethods = {
  /** The daily report of one day (today, where the service runs, when none is given, or before): buildings, screening, requests, 放心楼院. */
  'report.daily': query<DailyReport>({ permission: 'buildings.read' })(z.object({ date: reportDateSchema.optional() }).strict()),
  /** Starts a job writing that day's report as an A4 PDF (the page's words, a Chinese font embedded); its file is then downloaded. */
  'report.exportPdf': mutation<JobInfo>({ permission: 'buildings.read', invalidates: ['jobs'], job: true })(z.object({ date: reportDateSchema.optional() }).strict()),
};
