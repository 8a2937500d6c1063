export { openDatabase, APPLICATION_ID, type GridDb, type OpenedDatabase, type OpenOptions } from './client/open';
export { ServiceError, DatabaseOpenError } from './errors';
