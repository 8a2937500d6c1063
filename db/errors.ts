import type { ErrorCode } from '../electron/api/define';

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export type DatabaseErrorCode =
  | 'NOT_A_DATABASE'
  | 'FOREIGN_DATABASE'
  | 'NEWER_VERSION'
  | 'WRONG_KEY'
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
