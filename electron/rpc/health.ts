import type { Actor } from '../../db/auth/roles';
import type { DatabaseCheck } from '../../db/backup/startup-check';
import type { JobInfo } from '../../db/jobs/info';
import { startThreadJob } from './jobs';
import type { GridRuntime } from './runtime';

/** The check job running for a runtime, if one is. */
const running = new WeakMap<GridRuntime, string>();

/** Who runs the integrity check: no account asked for it. Administrators see its job. */
const CHECKER: Actor = { id: 'system', name: '系统（完整性检查）', role: 'admin', seesPersonalData: false };

/**
 * Keeps `backups.health` current: after every open a read job checks the database in its own
 * thread (the service thread goes on answering), a backup refused for damage counts as a finding,
 * and each change is pushed as `database.health`.
 */
export function watchDatabaseHealth(rt: GridRuntime): void {
  const keeper = rt.vault.backups;
  keeper.health.onChange = (health) => rt.emit('database.health', health);
  keeper.checkInBackground = () => startCheck(rt);
  rt.onEvent((event, payload) => {
    if (event !== 'jobs.changed') return;
    const job = payload as JobInfo;
    if (job.kind === 'backups.create' && job.state === 'failed' && job.error?.key === 'backup.sourceDamaged') {
      keeper.reportDamage([String(job.error.params?.problems ?? job.error.message)]);
    }
  });
}

function startCheck(rt: GridRuntime): void {
  const host = rt.vault.host;
  if (!host) return;
  const keeper = rt.vault.backups;
  const generation = keeper.generation;
  keeper.health.checking();
  const job = startThreadJob(rt, host.context(CHECKER), 'database.check', {}, 'read');
  running.set(rt, job.id);
  void rt.jobs.wait(job.id).then((done) => {
    if (running.get(rt) === job.id) running.delete(rt);
    if (keeper.generation !== generation) return; // the file was replaced meanwhile: its own check runs
    const check = done.result as DatabaseCheck | null;
    if (done.state === 'done' && check?.ok) keeper.health.passed();
    else if (done.state === 'done' && check) keeper.reportDamage(check.problems);
    else if (done.error?.key === 'database.damaged') keeper.reportDamage([done.error.message]);
    else keeper.health.reset(); // cancelled (shutting down) or stopped: nothing learnt
  });
}

/**
 * Resolves once the integrity check running now (if any) has ended: a restore waits for it
 * rather than be refused, since the check opened right after signing in holds the file open.
 */
export async function checkSettled(rt: GridRuntime): Promise<void> {
  const id = running.get(rt);
  if (id) await rt.jobs.wait(id);
}
