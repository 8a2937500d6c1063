import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServiceError } from '../errors';
import { isFinished, type JobInfo } from './info';

export const JOURNAL_FILE = 'jobs.json';
/** How many finished jobs the list keeps. */
export const KEEP_FINISHED = 100;

const INTERRUPTED = new ServiceError('INTERNAL', 'job.interrupted', {}).refusal();

/**
 * The list of recent jobs, kept in the data directory (not in the database: it must outlive a
 * restore and exist before the first sign-in). Written atomically on every change of state.
 */
export class JobJournal {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, JOURNAL_FILE);
  }

  /** The journal as left by the last run; a job that was still queued or running was cut off. */
  load(now = Date.now()): JobInfo[] {
    if (!existsSync(this.file)) return [];
    let jobs: JobInfo[];
    try {
      jobs = JSON.parse(readFileSync(this.file, 'utf8')) as JobInfo[];
      if (!Array.isArray(jobs)) return [];
    } catch {
      return [];
    }
    return jobs.map((j) => (isFinished(j.state) ? j : { ...j, state: 'failed' as const, endedAt: now, error: INTERRUPTED }));
  }

  save(jobs: JobInfo[]): void {
    const finished = jobs.filter((j) => isFinished(j.state)).slice(-KEEP_FINISHED);
    const kept = jobs.filter((j) => !isFinished(j.state) || finished.includes(j));
    // The data directory may not exist yet (a first start, before the demo data is made).
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(kept), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
