import { Worker } from 'node:worker_threads';
import type { ApiResponse } from '../api';
import type { HandlerEnv } from '../rpc/handlers';
import type { GridRuntimeOptions } from '../rpc/runtime';
import type { CallOptions, EventListener, ServiceBackend, SessionView } from './backend';
import type { HostMessage, HostRequest, ServiceWorkerData } from './protocol';
import type { WallReply, WallRequest } from './wall';
import type { WorkerEntry } from '../../db/jobs/thread';

type Pending = { resolve: (value: unknown) => void; onNewSessionId?: ((id: string) => void) | undefined };
type Request = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const GONE: ApiResponse<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务线程已停止，操作未完成。请重新启动 GridDesk' },
};

export class ServiceStartError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ServiceStartError';
  }
}

/**
 * The services in their own worker thread, with the database connection and every service;
 * calls and events cross as messages. The thread that owns windows or sockets only waits.
 */
export class WorkerBackend implements ServiceBackend {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    readonly vaultState: string,
  ) {
    worker.on('message', (msg: HostMessage) => {
      if (msg.type === 'event') for (const l of this.listeners) l(msg.event, msg.payload);
      else if (msg.type === 'reply') {
        const pending = this.pending.get(msg.id);
        if (msg.newSessionId) pending?.onNewSessionId?.(msg.newSessionId);
        pending?.resolve(msg.value);
        this.pending.delete(msg.id);
      }
    });
    worker.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.resolve(GONE);
      this.pending.clear();
    });
  }

  /** Starts the worker and waits until the data directory is opened (or refused). */
  static start(entry: WorkerEntry, dataDir: string, options: GridRuntimeOptions = {}): Promise<WorkerBackend> {
    const workerData: ServiceWorkerData = { role: 'services', dataDir, options: { ...options, worker: options.worker ?? entry } };
    const worker = new Worker(entry.file, { workerData, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) });
    return new Promise((resolve, reject) => {
      const onMessage = (msg: HostMessage) => {
        if (msg.type === 'ready') {
          worker.off('message', onMessage);
          resolve(new WorkerBackend(worker, msg.vaultState));
        } else if (msg.type === 'startFailed') {
          worker.off('message', onMessage);
          void worker.terminate();
          reject(new ServiceStartError(msg.message, msg.code));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new ServiceStartError(`服务线程启动失败（退出码 ${code}）`, null)));
    });
  }

  private request<T>(req: Request, onNewSessionId?: (id: string) => void): Promise<T> {
    if (this.exited) return Promise.resolve(GONE as T);
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, onNewSessionId });
      this.worker.postMessage({ ...req, id } as HostRequest);
    });
  }

  call(sessionId: string, env: HandlerEnv, method: unknown, input: unknown, options: CallOptions = {}) {
    return this.request<ApiResponse<unknown>>({ op: 'call', sessionId, env, method, input, ensureSession: !!options.ensureSession }, options.onNewSessionId);
  }

  async session(sessionId: string | undefined): Promise<SessionView | null> {
    const value = await this.request<SessionView | null | ApiResponse<never>>({ op: 'session', sessionId });
    return value && 'signedIn' in value ? value : null;
  }

  createSession(source: string): Promise<ApiResponse<string>> {
    return this.request<ApiResponse<string>>({ op: 'createSession', source });
  }

  wall<R extends WallRequest>(request: R): Promise<WallReply<R>> {
    return this.request<WallReply<R>>({ op: 'wall', request });
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (!this.exited) {
      await this.request<null>({ op: 'close' });
      await this.worker.terminate();
    }
    this.listeners.clear();
  }
}
