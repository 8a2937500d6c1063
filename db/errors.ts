import type { ErrorCode } from '../electron/api/define';
import { formatError, type ErrorKey, type ErrorRef, type ParamValue } from '../messages';

/**
 * A refusal the caller can show: a code, a message id with its parameters (from the catalog in
 * `messages/`, zh-CN and en), and the input field at fault. `message` is the Chinese text.
 * `new ServiceError('NOT_FOUND', 'building.idNotFound', { id }, 'id')`
 */
export class ServiceError extends Error {
  readonly key: ErrorKey;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly field: string | undefined;

  constructor(
    readonly code: ErrorCode,
    ...[key, params, field]: [...ErrorRef, field?: string]
  ) {
    super(formatError(key, params, 'zh-CN'));
    this.name = 'ServiceError';
    this.key = key;
    this.params = params;
    this.field = field;
  }

  /** What a caller is sent: the code, the Chinese text, the message id and its parameters. */
  refusal(): { code: ErrorCode; message: string; key: ErrorKey; params: Readonly<Record<string, ParamValue>> } {
    return { code: this.code, message: this.message, key: this.key, params: this.params };
  }
}

export type DatabaseErrorCode =
  | 'NOT_A_DATABASE'
  | 'FOREIGN_DATABASE'
  | 'NEWER_VERSION'
  | 'WRONG_KEY'
  | 'NOT_ENCRYPTED'
  | 'MIGRATION_FAILED'
  | 'CORRUPT';

/** Raised when a database file cannot be opened as it is; the file is left untouched. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * SQLite result codes (extended ones included) saying the file itself is damaged: retrying
 * cannot help, the database has to be restored from a backup.
 */
export function isDamageCode(code: unknown): code is string {
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)(_|$)/.test(code);
}
