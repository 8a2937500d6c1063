import { Worker } from 'node:worker_threads';
import type { SeedSummary } from '../../db/seed';
import type { SeedProgress, SeedRequest } from '../seed/run-seed';

type WorkerMessage =
  | { type: 'progress'; progress: SeedProgress }
  | { type: 'done'; summary: SeedSummary }
  | { type: 'error'; message: string };

export interface SeedJob {
  done: Promise<SeedSummary>;
  /** Stops the worker (quitting during first start); the seed transaction rolls back. */
  cancel(): Promise<void>;
}

/**
 * Runs the bundled demo-data worker (`dist/node/seed-worker.mjs`) from the Electron main
 * process, off its thread. Same messages as `electron/seed/seed-in-worker`, which cannot be used
 * here: it finds the worker through `import.meta.url`, which the CommonJS main bundle lacks.
 */
export function startSeedWorker(workerFile: string, request: SeedRequest, onProgress?: (p: SeedProgress) => void): SeedJob {
  const worker = new Worker(workerFile, { workerData: request });
  let settled = false;
  const done = new Promise<SeedSummary>((resolve, reject) => {
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress?.(msg.progress);
      else if (msg.type === 'done') {
        settled = true;
        resolve(msg.summary);
      } else {
        settled = true;
        reject(new Error(msg.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`生成演示数据的线程异常退出（${code}）`));
    });
  });
  return {
    done,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
