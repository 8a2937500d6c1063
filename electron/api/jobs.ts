import { z } from 'zod';
import { mutation, query, type ApiError } from './define';
import type { BackupEntry } from './backups';
import type { ScreeningRound } from './screening';
import type { AutoFillResult } from './staffing';

/** States a job goes through; `failed` also covers a job cut off by a crash or a restart. */
export const jobStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

/** A file a job produced, to download or save. */
export interface JobFile {
  fileId: string;
  name: string;
  size: number;
}

/** One job as every window sees it: in the list, in `jobs.changed` events, in the finished notice. */
export interface JobInfo {
  id: string;
  /** What runs, e.g. `buildings.export`; the interface names it in its language. */
  kind: string;
  /** The same in Chinese, e.g. 「导出楼栋 Excel」. */
  label: string;
  ownerId: string;
  state: JobState;
  phase: string;
  done: number;
  total: number;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** A sentence for the finished notice, e.g. 「已导出 10,000 栋楼」. */
  summary: string | null;
  file: JobFile | null;
  /** Kind-specific result data (plain JSON), e.g. the round a screening start created. */
  result: unknown;
  /** Why it failed: as a call's error (Chinese message, catalog id and parameters). */
  error: Pick<ApiError, 'code' | 'message' | 'key' | 'params'> | null;
}

/** What a finished job of each job-starting method hands back in `JobInfo.result`. */
export interface JobResults {
  'buildings.export': { rows: number };
  'report.exportPdf': { date: string; scope: 'street' | 'grids' };
  'briefing.exportPdf': { scope: 'street' | 'grids' };
  'screening.start': ScreeningRound;
  'backups.create': BackupEntry;
  'backups.restore': { restoredFrom: string; setAsideAs: string | null };
  'staffing.exportWeek': { rows: number };
  'staffing.exportPdf': { shifts: number; gaps: number };
  'staffing.autoFill': AutoFillResult;
  'serviceHours.export': { rows: number };
  'serviceHours.certificate': { hours: number };
}

const jobId = z.object({ id: z.string().uuid() }).strict();

export const jobMethods = {
  /** The caller's recent jobs, newest first (an administrator sees everyone's). */
  'jobs.list': query<JobInfo[]>({ permission: 'signedIn' })(z.object({}).strict()),
  'jobs.get': query<JobInfo>({ permission: 'signedIn' })(jobId),
  /** Cancels a queued or running job; whatever it wrote rolls back. */
  'jobs.cancel': mutation<JobInfo>({ permission: 'signedIn', invalidates: ['jobs'], job: true })(jobId),
};
