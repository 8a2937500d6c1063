import { Worker } from 'node:worker_threads';
import type { SeedSummary } from '../../db/seed';
import type { SeedProgress, SeedRequest } from './run-seed';

type WorkerMessage =
  | { type: 'progress'; progress: SeedProgress }
  | { type: 'done'; summary: SeedSummary & { recoveryCode: string } }
  | { type: 'error'; message: string };

/** Runs the demo-data generator in a worker thread (the bundled `seed-worker.mjs` next to this file). */
export function seedInWorker(
  request: SeedRequest,
  onProgress?: (p: SeedProgress) => void,
  signal?: AbortSignal,
): Promise<SeedSummary & { recoveryCode: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./seed-worker.mjs', import.meta.url), { workerData: request });
    // Stopping the thread rolls the seed's transaction back.
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress?.(msg.progress);
      else if (msg.type === 'done') resolve(msg.summary);
      else reject(new Error(msg.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`生成演示数据的线程异常退出（${code}）`));
    });
  });
}
