import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/roles';
import type { EventSink } from '../context';
import { isDamageCode, ServiceError } from '../errors';
import { isFinished, type JobFile, type JobInfo } from './info';
import { JobJournal } from './journal';
import { JobCancelled } from './types';

/** What a finished job hands back. */
export interface JobOutcome {
  summary: string;
  file?: JobFile | null;
  result?: unknown;
}

/** Progress and cancel as the manager gives them to a runner. */
export interface RunnerControl {
  progress(phase: string, done: number, total: number): void;
  /** Aborted when the user cancels. */
  signal: AbortSignal;
}

export interface JobSpec {
  kind: string;
  label: string;
  owner: Actor;
  /**
   * `write` jobs run one at a time, in the order they were started (their writes must not
   * interleave); `read` jobs run beside them (WAL lets readers go on while one writes).
   */
  lane: 'write' | 'read';
  run(control: RunnerControl): Promise<JobOutcome>;
}

const PROGRESS_EVERY_MS = 150;

/**
 * One job system for everything long: start, progress events (phase, done, total), cancel, and a
 * list of recent jobs that survives a restart. Every change goes out as `jobs.changed`.
 */
export class JobManager {
  private readonly jobs = new Map<string, JobInfo>();
  private readonly specs = new Map<string, JobSpec>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly waiters = new Map<string, ((job: JobInfo) => void)[]>();
  private readonly lastEmit = new Map<string, number>();
  private readonly journal: JobJournal;

  constructor(
    dataDir: string,
    private readonly emit: EventSink,
    private readonly now: () => number = Date.now,
  ) {
    this.journal = new JobJournal(dataDir);
    for (const job of this.journal.load(this.now())) this.jobs.set(job.id, job);
    // Jobs cut off by the last exit are written back as failed at once.
    if (this.jobs.size > 0) this.journal.save([...this.jobs.values()]);
  }

  start(spec: JobSpec): JobInfo {
    const job: JobInfo = {
      id: randomUUID(),
      kind: spec.kind,
      label: spec.label,
      ownerId: spec.owner.id,
      state: 'queued',
      phase: '排队中',
      done: 0,
      total: 0,
      createdAt: this.now(),
      startedAt: null,
      endedAt: null,
      summary: null,
      file: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.specs.set(job.id, spec);
    this.changed(job, true);
    this.schedule();
    return { ...job };
  }

  /** The caller's jobs, newest first (an administrator sees everyone's). */
  list(actor: Actor): JobInfo[] {
    return [...this.jobs.values()]
      .filter((j) => actor.role === 'admin' || j.ownerId === actor.id)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((j) => ({ ...j }));
  }

  get(actor: Actor, id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job || (actor.role !== 'admin' && job.ownerId !== actor.id)) throw new ServiceError('NOT_FOUND', 'job.notFound', {}, 'id');
    return { ...job };
  }

  /** Cancels a queued or running job; its writes roll back. Finished jobs cannot be cancelled. */
  cancel(actor: Actor, id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job || (actor.role !== 'admin' && job.ownerId !== actor.id)) throw new ServiceError('NOT_FOUND', 'job.notFound', {}, 'id');
    if (isFinished(job.state)) throw new ServiceError('CONFLICT', 'job.finished', {}, 'id');
    if (job.state === 'queued') this.finish(job, { state: 'cancelled', error: null });
    else this.aborts.get(id)?.abort();
    return { ...job };
  }

  /** Resolves once the job has finished (done, failed or cancelled). */
  wait(id: string): Promise<JobInfo> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new ServiceError('NOT_FOUND', 'job.notFound', {}, 'id'));
    if (isFinished(job.state)) return Promise.resolve({ ...job });
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
  }

  /** Whether any job is still queued or running (a restore waits for none). */
  get busy(): boolean {
    return [...this.jobs.values()].some((j) => !isFinished(j.state));
  }

  /** Cancels everything still running (shutting down); their writes roll back. */
  cancelAll(): void {
    for (const abort of this.aborts.values()) abort.abort();
  }

  private schedule(): void {
    const active = [...this.jobs.values()].filter((j) => j.state === 'running');
    let writing = active.some((j) => this.specs.get(j.id)?.lane === 'write');
    for (const job of this.jobs.values()) {
      if (job.state !== 'queued') continue;
      const spec = this.specs.get(job.id)!;
      if (spec.lane === 'write') {
        if (writing) continue;
        writing = true;
      }
      this.run(job, spec);
    }
  }

  private run(job: JobInfo, spec: JobSpec): void {
    const abort = new AbortController();
    this.aborts.set(job.id, abort);
    Object.assign(job, { state: 'running', phase: '开始', startedAt: this.now() });
    this.changed(job, true);
    const control: RunnerControl = {
      signal: abort.signal,
      progress: (phase, done, total) => {
        if (job.state !== 'running') return;
        // A new phase or a new total is news at once; more of the same waits for the throttle.
        const news = phase !== job.phase || total !== job.total;
        Object.assign(job, { phase, done, total });
        this.changed(job, false, news);
      },
    };
    spec
      .run(control)
      .then(
        (outcome) => this.finish(job, { state: 'done', summary: outcome.summary, file: outcome.file ?? null, result: outcome.result ?? null, error: null }),
        (err: unknown) =>
          this.finish(
            job,
            err instanceof JobCancelled || abort.signal.aborted
              ? { state: 'cancelled', error: null }
              : { state: 'failed', error: toJobError(err) },
          ),
      )
      .finally(() => {
        this.aborts.delete(job.id);
        this.schedule();
      });
  }

  private finish(job: JobInfo, patch: Partial<JobInfo>): void {
    Object.assign(job, patch, { endedAt: this.now() });
    if (job.state === 'cancelled') job.phase = '已取消';
    this.specs.delete(job.id);
    this.changed(job, true);
    for (const resolve of this.waiters.get(job.id) ?? []) resolve({ ...job });
    this.waiters.delete(job.id);
  }

  private changed(job: JobInfo, stateChanged: boolean, news = false): void {
    const at = this.now();
    if (stateChanged) this.journal.save([...this.jobs.values()]);
    else if (!news && at - (this.lastEmit.get(job.id) ?? 0) < PROGRESS_EVERY_MS) return;
    this.lastEmit.set(job.id, at);
    this.emit('jobs.changed', { ...job });
  }
}

function toJobError(err: unknown): NonNullable<JobInfo['error']> {
  if (err instanceof ServiceError) return err.refusal();
  const code = (err as { code?: unknown } | null)?.code;
  if (isDamageCode(code)) return new ServiceError('DATABASE', 'database.damaged', { sqliteCode: code }).refusal();
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new ServiceError('DATABASE', 'job.databaseFailed', { sqliteCode: code }).refusal();
  return new ServiceError('INTERNAL', 'job.failed', { error: (err as Error)?.message ?? String(err) }).refusal();
}
