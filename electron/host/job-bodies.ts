import { THREAD_JOBS } from '../../db/jobs/bodies';
import type { ThreadJobBody } from '../../db/jobs/thread';
import { importThreadJobs } from '../rpc/domains/import-kinds';

/** Every kind of job a job thread can run, by kind: the services' own and the import steps. */
export const JOB_BODIES = { ...THREAD_JOBS, ...importThreadJobs } satisfies Record<string, ThreadJobBody>;

export type JobKind = keyof typeof JOB_BODIES;
