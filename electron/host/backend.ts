import type { ApiResponse } from '../api';
import type { HandlerEnv } from '../rpc/handlers';

/** What a transport may know of a session: whether it exists and who is signed in to it. */
export interface SessionView {
  id: string;
  signedIn: boolean;
  accountId: string | null;
}

export type EventListener = (event: string, payload: unknown) => void;

/**
 * The services as the transports see them: calls in, push events out. The browser-mode server
 * and the Electron main process only route through this; the database and every service live
 * behind it — in a worker thread (`WorkerBackend`) so that no service call can stall the
 * thread that serves windows, or in the caller's thread (`InlineBackend`) for tests and tools.
 */
export interface ServiceBackend {
  call(sessionId: string, env: HandlerEnv, method: unknown, input: unknown, options?: { ensureSession?: boolean }): Promise<ApiResponse<unknown>>;
  session(sessionId: string | undefined): Promise<SessionView | null>;
  /** A new anonymous session (browser mode: after the start secret was shown). */
  createSession(): Promise<string>;
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
