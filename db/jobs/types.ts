import type { ServiceContext } from '../context';

/** What a running job can tell and ask: progress for the progress bar, and whether to stop. */
export interface JobControl {
  /** Reports how far the job is; cheap to call often (events are throttled). */
  progress(phase: string, done: number, total: number): void;
  /** Throws `JobCancelled` once the user has cancelled; call it between chunks of work. */
  throwIfCancelled(): void;
  /** The data directory (exports, uploads and reports live in its `files/` folder). */
  dataDir: string;
  /** The database key, for work that writes another encrypted file (a backup); null for a plain database. */
  databaseKey: Buffer | null;
}

/**
 * A job's body. It runs with its own database connection (`ctx`), in a job thread, and must write
 * everything it writes in transactions that it checks `throwIfCancelled` inside of, so a cancel
 * or a crash leaves nothing half-written. The result must be plain JSON.
 */
export type JobBody<I, R> = (ctx: ServiceContext, input: I, job: JobControl) => R | Promise<R>;

export class JobCancelled extends Error {
  constructor() {
    super('已取消');
    this.name = 'JobCancelled';
  }
}
