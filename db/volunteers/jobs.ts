import type { RosterFilter } from '../../electron/api/volunteers';
import type { ServiceContext } from '../context';
import type { JobOutcome } from '../jobs/manager';
import type { JobControl } from '../jobs/types';
import { exportRoster } from './export';

/** The registry's jobs, each in a job thread on its own connection. */
export const volunteerThreadJobs = {
  'volunteers.export': async (ctx: ServiceContext, input: RosterFilter & { now: number }, job: JobControl): Promise<JobOutcome> => {
    const { rows, file } = await exportRoster(ctx, input, job);
    return { summary: `已导出志愿者名册（${rows.toLocaleString('zh-CN')} 人）`, file: { fileId: file.id, name: file.name, size: file.size }, result: { rows } };
  },
};

export const VOLUNTEER_JOB_LABELS: Record<keyof typeof volunteerThreadJobs, string> = {
  'volunteers.export': '导出志愿者名册',
};
