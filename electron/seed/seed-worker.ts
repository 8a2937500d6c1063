import { parentPort, workerData } from 'node:worker_threads';
import { runSeed, type SeedRequest } from './run-seed';

/** Seeding off the main thread, so the process hosting the services never blocks on it. */
const port = parentPort;
if (!port) throw new Error('seed-worker must run as a worker thread');
try {
  const summary = runSeed(workerData as SeedRequest, (progress) => port.postMessage({ type: 'progress', progress }));
  port.postMessage({ type: 'done', summary });
} catch (err) {
  port.postMessage({ type: 'error', message: (err as Error).message });
}
