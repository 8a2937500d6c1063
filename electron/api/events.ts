import type { ControlStatus } from './common';
import type { JobInfo } from './jobs';

/** Pushed from the services to every open window (IPC in Electron, server-sent events in browser mode). */
export interface PushEvents {
  /** Building statuses changed (one building or a bulk change). */
  'buildings.statusChanged': { ids: string[]; status: ControlStatus; at: number };
  /** Some data changed; windows refetch what they show of these domains. */
  'data.changed': { domains: string[] };
  /** A job was queued, moved on, or finished (progress is sent a few times a second at most). */
  'jobs.changed': JobInfo;
}

export type PushEventName = keyof PushEvents;
export const pushEventNames = ['buildings.statusChanged', 'data.changed', 'jobs.changed'] as const satisfies readonly PushEventName[];
