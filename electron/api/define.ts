import type { z } from 'zod';

/** One method of the contract: its input schema and (as a phantom) its result type. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never read at run time; carries the result type. */
  output?: O;
  /** Changes data (the renderer invalidates its caches after it). */
  mutates: boolean;
}

/** A read-only method: `query<Result>()(inputSchema)`. */
export function query<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, mutates: false });
}

/** A method that changes data: `mutation<Result>()(inputSchema)`. */
export function mutation<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, mutates: true });
}

/** Codes every caller (IPC, HTTP, CLI, UI) can rely on; the services throw them too. */
export const errorCodes = ['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'UNKNOWN_METHOD', 'DATABASE', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What a failed call returns, over IPC and over HTTP alike. */
export interface ApiError {
  code: ErrorCode;
  /** For the user, in Chinese: what went wrong and what to do. */
  message: string;
  /** The input field at fault, as a dotted path (`ids.3`), when there is one. */
  field?: string;
}

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiError };
