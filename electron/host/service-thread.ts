import type { MessagePort } from 'node:worker_threads';
import { DatabaseOpenError, ServiceError } from '../../db/errors';
import { GridRuntime } from '../rpc/runtime';
import { InlineBackend } from './inline-backend';
import type { HostMessage, HostRequest, ServiceWorkerData } from './protocol';

/**
 * The body of the service worker: opens the data directory, then answers requests one message at
 * a time (each call runs to its end before the next starts, as it did on the main thread) and
 * forwards every push event.
 */
export function serveInThread(port: MessagePort, data: ServiceWorkerData): void {
  const post = (msg: HostMessage) => port.postMessage(msg);
  let backend: InlineBackend;
  try {
    backend = new InlineBackend(new GridRuntime(data.dataDir, data.options));
  } catch (err) {
    const code = err instanceof DatabaseOpenError || err instanceof ServiceError ? err.code : null;
    post({ type: 'startFailed', message: (err as Error).message, code });
    return;
  }
  backend.onEvent((event, payload) => post({ type: 'event', event, payload }));
  port.on('message', (req: HostRequest) => {
    let newSessionId: string | undefined;
    const told = (id: string) => void (newSessionId = id);
    void answer(backend, req, told).then((value) => post({ type: 'reply', id: req.id, value, ...(newSessionId ? { newSessionId } : {}) }));
  });
  post({ type: 'ready', vaultState: backend.runtime.vault.state });
}

async function answer(backend: InlineBackend, req: HostRequest, onNewSessionId: (id: string) => void) {
  switch (req.op) {
    case 'call':
      return backend.call(req.sessionId, req.env, req.method, req.input, { ensureSession: req.ensureSession, onNewSessionId });
    case 'session':
      return backend.session(req.sessionId);
    case 'createSession':
      return backend.createSession(req.source);
    case 'wall':
      return backend.wall(req.request);
    case 'close':
      await backend.close();
      return null;
  }
}
