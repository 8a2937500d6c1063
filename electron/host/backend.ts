import type { ApiResponse } from '../api';
import type { HandlerEnv } from '../rpc/handlers';
import type { WallReply, WallRequest } from './wall';

/** What a transport may know of a session: whether it exists, and which account (enabled now) is signed in to it. */
export interface SessionView {
  id: string;
  signedIn: boolean;
  accountId: string | null;
  /** A signed-in grid worker's grids (its push events are limited to them); null for everyone else. */
  gridIds: readonly string[] | null;
}

export type EventListener = (event: string, payload: unknown) => void;

export interface CallOptions {
  /** Desktop windows: the id is the window's handle, and its session is opened at its first call. */
  ensureSession?: boolean;
  /** Told the session's new id when the call gave it one (signing in): browser mode sets it as the cookie. */
  onNewSessionId?: (sessionId: string) => void;
}

/**
 * The services as the transports see them: calls in, push events out. The browser-mode server
 * and the Electron main process only route through this; the database and every service live
 * behind it — in a worker thread (`WorkerBackend`) so that no service call can stall the
 * thread that serves windows, or in the caller's thread (`InlineBackend`) for tests and tools.
 */
export interface ServiceBackend {
  call(sessionId: string, env: HandlerEnv, method: unknown, input: unknown, options?: CallOptions): Promise<ApiResponse<unknown>>;
  session(sessionId: string | undefined): Promise<SessionView | null>;
  /**
   * A new session, not signed in (browser mode: for the start secret), its failed sign-ins
   * throttled by `source` (the client's address); refused when too many are open.
   */
  createSession(source: string): Promise<ApiResponse<string>>;
  /** A paired wall display's requests (browser mode's `--wall` listener): never a session. */
  wall<R extends WallRequest>(request: R): Promise<WallReply<R>>;
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
