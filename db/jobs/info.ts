import type { JobState } from '../../electron/api/jobs';

export type { JobFile, JobInfo, JobState } from '../../electron/api/jobs';

export const isFinished = (state: JobState) => state === 'done' || state === 'failed' || state === 'cancelled';
