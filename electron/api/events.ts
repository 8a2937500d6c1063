import type { DatabaseHealth } from './backups';
import type { JobInfo } from './jobs';
import type { MapDelta } from './map';

/**
 * Every push event, by name, with its payload: sent from the services to every open window (IPC
 * in Electron, server-sent events in browser mode). Windows subscribe by name and get the payload
 * typed.
 */
export interface PushEvents {
  /**
   * What the map draws changed for some buildings (a status change, a bulk change, an undo): one
   * street-wide revision, the batch that made it, and the changed buildings by their new status.
   */
  'map.changed': MapDelta;
  /** Some data changed; windows refetch what they show of these domains (`*`: everything). */
  'data.changed': { domains: string[] };
  /**
   * Sent by a window's own event stream, never by the services: the stream was down for a while
   * and is back, so events may have been missed.
   */
  'events.resumed': Record<string, never>;
  /**
   * Sent by a window's own event stream, never by the services: the stream broke (the server
   * stopped, the network went down), so what the window shows may no longer be current.
   */
  'events.dropped': Record<string, never>;
  /** A job was queued, moved on, or finished (progress is sent a few times a second at most). */
  'jobs.changed': JobInfo;
  /** The database's integrity check started or ended (a damaged database shows a banner to administrators). */
  'database.health': DatabaseHealth;
}

export type PushEventName = keyof PushEvents;
export const pushEventNames = ['map.changed', 'data.changed', 'events.resumed', 'events.dropped', 'jobs.changed', 'database.health'] as const satisfies readonly PushEventName[];
