import type { Actor } from '../../db/auth/roles';
import { JOB_LABELS } from '../../db/jobs/bodies';
import type { JobInfo } from '../../db/jobs/info';
import { JobManager } from '../../db/jobs/manager';
import type { SeedSummary } from '../../db/seed';
import type { SeedProgress } from './run-seed';

/** Who makes the demo data on first start: no account exists yet. Administrators see its job. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统（首次启动）', role: 'admin', seesPersonalData: false };

/**
 * The first-start demo seed as a job of the data directory's job list: progress as it runs, a
 * cancel (quitting) that stops its thread, and its outcome kept with the other jobs. What the
 * caller gets back (the recovery code among it) is handed to it only, never written to the list.
 */
export async function seedAsJob<Made extends SeedSummary>(
  dataDir: string,
  run: (onProgress: (p: SeedProgress) => void, signal: AbortSignal) => Promise<Made>,
  onChange?: (job: JobInfo) => void,
): Promise<Made> {
  const jobs = new JobManager(dataDir, (event, payload) => {
    if (event === 'jobs.changed') onChange?.(payload as JobInfo);
  });
  let made: Made | undefined;
  const job = jobs.start({
    kind: 'seed',
    label: JOB_LABELS.seed,
    owner: SYSTEM_ACTOR,
    lane: 'write',
    run: async (control) => {
      made = await run((p) => control.progress(p.phase, p.done, p.total), control.signal);
      const { communities, grids, buildings } = made;
      return { summary: `已生成演示街道：${communities} 个社区，${grids} 个网格，${buildings} 栋楼`, result: { communities, grids, buildings } };
    },
  });
  const done = await jobs.wait(job.id);
  if (done.state !== 'done' || !made) throw new Error(done.error?.message ?? '生成演示数据已取消');
  return made;
}
