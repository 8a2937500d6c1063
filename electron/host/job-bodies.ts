import { THREAD_JOBS } from '../../db/jobs/bodies';
import type { ThreadJobBody } from '../../db/jobs/thread';
import { importThreadJobs } from '../rpc/domains/import-kinds';
import { territoryThreadJobs } from '../../db/territory/jobs';
import { volunteerThreadJobs } from '../../db/volunteers/jobs';
import { bundleThreadJobs } from '../../db/bundles/jobs';

/** Every kind of job a job thread can run, by kind: the services' own and the import steps. */
export const JOB_BODIES = { ...THREAD_JOBS, ...importThreadJobs, ...territoryThreadJobs, ...volunteerThreadJobs, ...bundleThreadJobs } satisfies Record<string, ThreadJobBody>;

export type JobKind = keyof typeof JOB_BODIES;
