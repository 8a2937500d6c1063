import type { ApiResponse, WallDisplay } from '../api';
import type { HandlerEnv } from '../rpc/handlers';
import type { GridRuntimeOptions } from '../rpc/runtime';
import type { SessionView } from './backend';
import type { WallRequest } from './wall';

/** What the service worker is started with. */
export interface ServiceWorkerData {
  role: 'services';
  dataDir: string;
  options: GridRuntimeOptions;
}

/** Requests to the service worker; each carries an id its reply repeats. */
export type HostRequest =
  | { id: number; op: 'call'; sessionId: string; env: HandlerEnv; method: unknown; input: unknown; ensureSession: boolean }
  | { id: number; op: 'session'; sessionId: string | undefined }
  | { id: number; op: 'createSession'; source: string }
  | { id: number; op: 'wall'; request: WallRequest }
  | { id: number; op: 'close' };

export type HostMessage =
  | { type: 'ready'; vaultState: string }
  | { type: 'startFailed'; message: string; code: string | null }
  | { type: 'reply'; id: number; value: ApiResponse<unknown> | SessionView | { open: boolean; display: WallDisplay | null } | null; newSessionId?: string }
  | { type: 'event'; event: string; payload: unknown };
