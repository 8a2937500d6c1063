import type { z } from 'zod';
import type { ErrorKey, ParamValue } from '../../messages';
import type { Access, DataDomain } from './permissions';

/** One method of the contract: who may call it, its input schema and (as a phantom) its result type. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never read at run time; carries the result type. */
  output?: O;
  /** Checked by the dispatcher before the service runs. */
  permission: Access;
  /** Changes data (the read-only briefing window may not call it). */
  mutates: boolean;
  /** The domains a successful call changes: the renderer refetches what shows them. */
  invalidates: readonly DataDomain[];
  /**
   * Starts or cancels a job and writes nothing itself (the job writes on its own connection, later),
   * so the call must not wait for the database's write lock.
   */
  job?: true;
}

/**
 * A read-only method: `query<Result>({ permission: 'buildings.read' })(inputSchema)`. Without an
 * access declaration any signed-in account may call it (the service still checks its permission).
 */
export function query<O>(access: { permission: Access } = { permission: 'signedIn' }) {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, permission: access.permission, mutates: false, invalidates: [] });
}

/**
 * A method that changes data:
 * `mutation<Result>({ permission: 'buildings.edit', invalidates: ['buildings', 'map'] })(inputSchema)`.
 */
export function mutation<O>(access: { permission: Access; invalidates?: readonly DataDomain[]; job?: true }) {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({
    input,
    permission: access.permission,
    mutates: true,
    invalidates: access.invalidates ?? [],
    ...(access.job ? { job: true as const } : {}),
  });
}

/** Codes every caller (IPC, HTTP, CLI, UI) can rely on; the services throw them too. */
export const errorCodes = ['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'UNKNOWN_METHOD', 'DATABASE', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What a failed call returns, over IPC and over HTTP alike. */
export interface ApiError {
  code: ErrorCode;
  /** For the user, in Chinese: what went wrong and what to do. */
  message: string;
  /** The message's id in the catalog (`messages/`), to write it in the UI's language with `params`. */
  key?: ErrorKey;
  params?: Readonly<Record<string, ParamValue>>;
  /** The input field at fault, as a dotted path (`ids.3`), when there is one. */
  field?: string;
}

/**
 * What a call returns. `alreadyDone`: a change sent again with a request id it was already made
 * under; `result` is what the first call returned, and nothing was changed a second time.
 */
export type ApiResponse<T> = { ok: true; result: T; alreadyDone?: true } | { ok: false; error: ApiError };
