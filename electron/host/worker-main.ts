import { parentPort, workerData } from 'node:worker_threads';
import { runJobThread, type JobThreadData } from '../../db/jobs/thread';
import type { ServiceWorkerData } from './protocol';
import { serveInThread } from './service-thread';

/**
 * The one worker script: the service host (database and services, off the window's thread) or a
 * job thread (one heavy job on its own connection), by `workerData.role`.
 */
const port = parentPort;
if (!port) throw new Error('worker-main 只能在工作线程中运行');
const data = workerData as ServiceWorkerData | JobThreadData;
if (data.role === 'services') serveInThread(port, data);
else void runJobThread(port, data);
