import { dispatch } from '../rpc/dispatch';
import type { HandlerEnv } from '../rpc/handlers';
import type { GridRuntime } from '../rpc/runtime';
import type { EventListener, ServiceBackend, SessionView } from './backend';

/** The services in the caller's own thread: for tests, tools, and inside the service worker itself. */
export class InlineBackend implements ServiceBackend {
  constructor(readonly runtime: GridRuntime) {}

  async call(sessionId: string, env: HandlerEnv, method: unknown, input: unknown, options: { ensureSession?: boolean } = {}) {
    if (options.ensureSession && !this.runtime.sessions.get(sessionId)) this.runtime.sessions.create(sessionId);
    return dispatch(this.runtime, sessionId, env, method, input);
  }

  session(sessionId: string | undefined): Promise<SessionView | null> {
    const s = this.runtime.sessions.get(sessionId);
    return Promise.resolve(s ? { id: s.id, signedIn: !!s.actor && !s.locked, accountId: s.accountId ?? null } : null);
  }

  createSession(): Promise<string> {
    return Promise.resolve(this.runtime.sessions.create().id);
  }

  onEvent(listener: EventListener): () => void {
    return this.runtime.onEvent(listener);
  }

  close(): Promise<void> {
    this.runtime.close();
    return Promise.resolve();
  }
}
