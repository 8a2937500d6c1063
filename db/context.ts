import type Database from 'better-sqlite3-multiple-ciphers';
import type { GridDb } from './client/drizzle';
import type { HybridClock } from './sync/hlc';
import type { Actor } from './auth/roles';

/** Sends a push event to every open window. Names and payloads are the contract's push events. */
export type EventSink = (event: string, payload: unknown) => void;

/** Everything a service needs: the database, who is asking, the clock for merge timestamps. */
export interface ServiceContext {
  db: GridDb;
  sqlite: Database.Database;
  actor: Actor;
  clock: HybridClock;
  nodeId: string;
  /** The data directory (the file store of uploads, exports and reports is in it). */
  dataDir: string;
  emit: EventSink;
}
