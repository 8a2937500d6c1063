import type { Actor } from '../../db/auth/roles';
import type { ServiceContext } from '../../db/context';
import { JOB_LABELS } from '../../db/jobs/bodies';
import type { JobInfo } from '../../db/jobs/info';
import type { JobOutcome, JobSpec, RunnerControl } from '../../db/jobs/manager';
import { runInThread } from '../../db/jobs/thread';
import type { JobKind } from '../host/job-bodies';
import { defaultWorkerEntry } from '../host/worker-entry';
import { IMPORT_JOB_LABELS } from './domains/import-kinds';
import { TERRITORY_JOB_LABELS } from '../../db/territory/jobs';
import { VOLUNTEER_JOB_LABELS } from '../../db/volunteers/jobs';
import { BUNDLE_JOB_LABELS } from '../../db/bundles/jobs';
import type { GridRuntime } from './runtime';

/**
 * Starts a job that runs in its own thread on its own connection (the service thread goes on
 * answering). `write` jobs queue behind each other; `read` jobs run beside them.
 */
export function startThreadJob(rt: GridRuntime, ctx: ServiceContext, kind: JobKind, input: unknown, lane: JobSpec['lane']): JobInfo {
  const worker = rt.options.worker ?? defaultWorkerEntry();
  const labels: Record<JobKind, string> = { ...JOB_LABELS, ...IMPORT_JOB_LABELS, ...TERRITORY_JOB_LABELS, ...VOLUNTEER_JOB_LABELS, ...BUNDLE_JOB_LABELS };
  return rt.jobs.start({
    kind,
    label: labels[kind],
    owner: ctx.actor,
    lane,
    run: (control) =>
      runInThread(
        worker,
        { kind, input, dataDir: ctx.dataDir, key: rt.vault.jobKey(), actor: ctx.actor, nodeId: ctx.nodeId },
        control,
        (event, payload) => rt.emit(event, payload),
      ),
  });
}

/** Starts a job that runs on the service thread itself (work on the vault: backups, restore). */
export function startHostJob(
  rt: GridRuntime,
  owner: Actor,
  kind: keyof typeof JOB_LABELS,
  lane: JobSpec['lane'],
  run: (control: RunnerControl) => Promise<JobOutcome>,
): JobInfo {
  return rt.jobs.start({ kind, label: JOB_LABELS[kind], owner, lane, run });
}
