import { Worker, type MessagePort } from 'node:worker_threads';
import { openDatabase } from '../client/open';
import type { Actor } from '../auth/roles';
import type { EventSink, ServiceContext } from '../context';
import type { ErrorCode } from '../../electron/api/define';
import type { ErrorRef } from '../../messages';
import { isDamageCode, ServiceError } from '../errors';
import { databaseFile } from '../host';
import { HybridClock } from '../sync/hlc';
import type { JobOutcome, RunnerControl } from './manager';
import { JobCancelled, type JobControl } from './types';

/** The script a worker thread runs, and the Node options it needs (TypeScript sources need a loader). */
export interface WorkerEntry {
  file: string;
  execArgv?: string[];
}

/** What a job thread is started with. The key crosses only inside this process. */
export interface JobThreadData {
  role: 'job';
  /** A key of the job bodies the thread is given (`electron/host/job-bodies.ts`). */
  kind: string;
  input: unknown;
  dataDir: string;
  key: Uint8Array | null;
  actor: Actor;
  nodeId: string;
  /** Index 0 becomes 1 when the user cancels; the job reads it between chunks. */
  cancel: SharedArrayBuffer;
}

type ThreadMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'done'; outcome: JobOutcome }
  | { type: 'failed'; cancelled: boolean; code: ErrorCode; ref: ErrorRef };

/** How long a job waits for another writer's lock before it fails. */
const JOB_BUSY_TIMEOUT_MS = 120_000;

/** After a cancel, how long a job gets to notice it before its thread is stopped. */
const CANCEL_GRACE_MS = 15_000;

/** Runs one job in its own thread with its own connection; events it emits are passed on. */
export function runInThread(
  entry: WorkerEntry,
  data: Omit<JobThreadData, 'role' | 'cancel'>,
  control: RunnerControl,
  emit: EventSink,
): Promise<JobOutcome> {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const workerData: JobThreadData = { ...data, role: 'job', cancel };
  const worker = new Worker(entry.file, { workerData, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) });
  return new Promise<JobOutcome>((resolve, reject) => {
    let settled = false;
    let killer: NodeJS.Timeout | undefined;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killer);
      fn();
    };
    const onAbort = () => {
      Atomics.store(flag, 0, 1);
      killer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
    };
    control.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: ThreadMessage) => {
      if (msg.type === 'progress') control.progress(msg.phase, msg.done, msg.total);
      // The job's own events (data.changed, map.changed) are passed on as they came.
      else if (msg.type === 'event') (emit as (event: string, payload: unknown) => void)(msg.event, msg.payload);
      else if (msg.type === 'done') settle(() => resolve(msg.outcome));
      else settle(() => reject(msg.cancelled ? new JobCancelled() : new ServiceError(msg.code, ...msg.ref)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) =>
      settle(() => reject(control.signal.aborted ? new JobCancelled() : new ServiceError('INTERNAL', 'job.threadExited', { exitCode: code }))),
    );
  });
}

/** A failure in words for the user, in Chinese: the service's own, or what the database said. */
function describeFailure(err: unknown): { code: ErrorCode; ref: ErrorRef } {
  if (err instanceof ServiceError) return { code: err.code, ref: [err.key, err.params] as ErrorRef };
  const sqlite = (err as { code?: unknown } | null)?.code;
  if (isDamageCode(sqlite)) return { code: 'DATABASE', ref: ['database.damaged', { sqliteCode: sqlite }] };
  if (sqlite === 'SQLITE_BUSY') return { code: 'DATABASE', ref: ['job.databaseBusy', {}] };
  if (typeof sqlite === 'string' && sqlite.startsWith('SQLITE_')) return { code: 'DATABASE', ref: ['job.databaseFailed', { sqliteCode: sqlite }] };
  return { code: 'INTERNAL', ref: ['job.failed', { error: (err as Error).message }] };
}

/** A job body as a thread runs it: with its own context and control, handing back its outcome. */
export type ThreadJobBody = (ctx: ServiceContext, input: never, job: JobControl) => JobOutcome | Promise<JobOutcome>;

/** The job thread's side: open, run the body of the job's kind, report, close. */
export async function runJobThread(port: MessagePort, data: JobThreadData, bodies: Record<string, ThreadJobBody>): Promise<void> {
  const post = (msg: ThreadMessage) => port.postMessage(msg);
  const flag = new Int32Array(data.cancel);
  const opened = openDatabase({ file: databaseFile(data.dataDir), ...(data.key ? { key: Buffer.from(data.key) } : {}) });
  // A job is background work: it waits its turn behind other writers rather than give up.
  opened.sqlite.pragma(`busy_timeout = ${JOB_BUSY_TIMEOUT_MS}`);
  let outcome: ThreadMessage;
  try {
    const ctx: ServiceContext = {
      db: opened.db,
      sqlite: opened.sqlite,
      actor: data.actor,
      clock: new HybridClock(data.nodeId),
      nodeId: data.nodeId,
      dataDir: data.dataDir,
      emit: (event, payload) => post({ type: 'event', event, payload }),
    };
    const control: JobControl = {
      dataDir: data.dataDir,
      databaseKey: data.key ? Buffer.from(data.key) : null,
      progress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
      throwIfCancelled: () => {
        if (Atomics.load(flag, 0) === 1) throw new JobCancelled();
      },
    };
    const body = bodies[data.kind] as ((ctx: ServiceContext, input: unknown, job: JobControl) => JobOutcome | Promise<JobOutcome>) | undefined;
    if (!body) throw new ServiceError('INTERNAL', 'job.kindUnknown', { kind: data.kind });
    outcome = { type: 'done', outcome: await body(ctx, data.input, control) };
  } catch (err) {
    outcome = { type: 'failed', cancelled: err instanceof JobCancelled, ...describeFailure(err) };
  } finally {
    // Closed without the checkpoint a last connection makes: the service thread's stays open.
    opened.sqlite.close();
  }
  post(outcome);
}
