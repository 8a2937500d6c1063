import type { ApiResponse, WallDisplay } from '../api';

/** What a wall listener asks the services: pair with a code, who holds a credential, or a read. */
export type WallRequest =
  | { op: 'pair'; code: string; source: string }
  | { op: 'display'; token: string | undefined }
  | { op: 'call'; token: string | undefined; method: unknown; input: unknown };

export type WallReply<R extends WallRequest> = R extends { op: 'pair' }
  ? ApiResponse<{ display: WallDisplay; token: string }>
  : R extends { op: 'display' }
    ? { open: boolean; display: WallDisplay | null }
    : ApiResponse<unknown>;

/** The id a wall display's event streams are kept under: revoking it ends them (`session.ended`). */
export const wallStreamId = (displayId: string) => `wall:${displayId}`;
