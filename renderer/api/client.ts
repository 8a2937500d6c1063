import type { ApiError, GridDeskApi, MethodInput, MethodName, MethodResult } from '../../electron/api';
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

/** Calls one method of the contract; resolves with its result or throws an `ApiCallError`. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const response = await getApi().invoke(method, input);
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
