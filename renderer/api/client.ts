import { contract, type ApiError, type ApiResponse, type GridDeskApi, type MethodInput, type MethodName, type MethodResult } from '../../electron/api';
import { errorText, type Locale } from '../../messages';

/** A call that came back `ok: false`: the service's code, its Chinese message (and message id), the field at fault. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  readonly method: string;
  private readonly error: ApiError;

  constructor(method: string, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
    this.method = method;
    this.error = error;
  }

  /** The message in the UI's language: from the catalog when the service named the message, else as sent. */
  messageIn(locale: Locale): string {
    return errorText(this.error, locale);
  }

  /** The figures the service put in its message (e.g. the dates a bulk assignment would break a rule on). */
  get params(): Readonly<Record<string, unknown>> {
    return this.error.params ?? {};
  }
}

/** No transport at all (neither the preload nor browser mode installed one). */
export class NoApiError extends Error {
  constructor() {
    super('window.api is missing');
    this.name = 'NoApiError';
  }
}

export function getApi(): GridDeskApi {
  const api = window.api;
  if (!api) throw new NoApiError();
  return api;
}

/** Waits before each automatic retry of a call whose answer was lost on the way. */
export const RETRY_DELAYS_MS = [300, 1_000, 3_000] as const;

/** The call may not have reached the service, or its answer was lost on the way (the server restarting, the network down). */
function lostOnTheWay(response: ApiResponse<unknown>): boolean {
  return !response.ok && (response.error.key === 'transport.lost' || response.error.key === 'browser.unexpectedResponse');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 128 random bits in hex (`crypto.randomUUID` needs a secure context, which a LAN address over HTTP is not). */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls one method of the contract; resolves with its result or throws an `ApiCallError`. A call
 * whose answer was lost is sent again; a change goes with one request id, the same on every
 * retry, so a change the service made before the answer was lost is answered "already done" with
 * its first result instead of being made twice.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const api = getApi();
  const options = contract[method].mutates ? { requestId: newRequestId() } : undefined;
  let response = await api.invoke(method, input, options);
  for (const delay of RETRY_DELAYS_MS) {
    if (!lostOnTheWay(response)) break;
    await sleep(delay);
    response = await api.invoke(method, input, options);
  }
  if (!response.ok) throw new ApiCallError(method, response.error);
  return response.result;
}

/** Errors a retry cannot fix. */
export function isPermanent(error: unknown): boolean {
  return (
    error instanceof NoApiError ||
    (error instanceof ApiCallError &&
      ['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'UNKNOWN_METHOD'].includes(error.code))
  );
}
