import type { ControlStatus } from './common';

/** Pushed from the services to every open window (IPC in Electron, server-sent events in browser mode). */
export interface PushEvents {
  /** Building statuses changed (one building or a bulk change). */
  'buildings.statusChanged': { ids: string[]; status: ControlStatus; at: number };
  /** Some data changed; windows refetch what they show of these domains. */
  'data.changed': { domains: string[] };
}

export type PushEventName = keyof PushEvents;
export const pushEventNames = ['buildings.statusChanged', 'data.changed'] as const satisfies readonly PushEventName[];
