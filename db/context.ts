import type { JobInfo } from './jobs/info';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { GridDb } from './client/drizzle';
import type { HybridClock } from './sync/hlc';
import type { Actor } from './auth/roles';
import type { MapDeltaData } from './map/changes';
import type { DatabaseHealth } from '../electron/api/backups';

/** The push events the services send, by name (the contract's `PushEvents` declares the same). */
export interface ServiceEvents {
  'map.changed': MapDeltaData;
  'data.changed': { domains: string[] };
  'jobs.changed': JobInfo;
  'database.health': DatabaseHealth;
}

/** Sends a push event to every open window. */
export type EventSink = <E extends keyof ServiceEvents>(event: E, payload: ServiceEvents[E]) => void;

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
