import { accountById } from '../../db/auth/accounts';
import { dispatch, toApiError } from '../rpc/dispatch';
import type { HandlerEnv } from '../rpc/handlers';
import type { GridRuntime } from '../rpc/runtime';
import type { ApiResponse } from '../api';
import type { CallOptions, EventListener, ServiceBackend, SessionView } from './backend';
import { wallRequest } from '../rpc/wall-dispatch';
import type { WallReply, WallRequest } from './wall';

/** The services in the caller's own thread: for tests, tools, and inside the service worker itself. */
export class InlineBackend implements ServiceBackend {
  constructor(readonly runtime: GridRuntime) {}

  async call(sessionId: string, env: HandlerEnv, method: unknown, input: unknown, options: CallOptions = {}): Promise<ApiResponse<unknown>> {
    const { sessions } = this.runtime;
    let session;
    try {
      session = options.ensureSession ? sessions.forHandle(sessionId) : sessions.get(sessionId);
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
    const before = session?.id;
    const reply = await dispatch(this.runtime, sessionId, env, method, input);
    if (session && session.id !== before && sessions.get(session.id) === session) options.onNewSessionId?.(session.id);
    return reply;
  }

  session(sessionId: string | undefined): Promise<SessionView | null> {
    const s = this.runtime.sessions.get(sessionId);
    if (!s) return Promise.resolve(null);
    const sqlite = this.runtime.vault.host?.opened.sqlite;
    const account = s.accountId && sqlite ? accountById(sqlite, s.accountId) : undefined;
    const live = account && !account.disabled ? account : undefined;
    return Promise.resolve({
      id: s.id,
      signedIn: !!live && !s.locked,
      accountId: live ? live.id : null,
      gridIds: live?.role === 'grid_worker' ? live.gridIds : null,
    });
  }

  createSession(source: string): Promise<ApiResponse<string>> {
    try {
      return Promise.resolve({ ok: true, result: this.runtime.sessions.create(source).id });
    } catch (err) {
      return Promise.resolve({ ok: false, error: toApiError(err) });
    }
  }

  wall<R extends WallRequest>(request: R): Promise<WallReply<R>> {
    return wallRequest(this.runtime, request);
  }

  onEvent(listener: EventListener): () => void {
    return this.runtime.onEvent(listener);
  }

  close(): Promise<void> {
    this.runtime.close();
    return Promise.resolve();
  }
}
