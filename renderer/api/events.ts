import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PushEventName, PushEvents } from '../../electron/api';

/** Listens to one push event while the component is mounted; the latest handler is always used. */
export function useApiEvent<E extends PushEventName>(event: E, handler: (payload: PushEvents[E]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const api = window.api;
    if (!api) return undefined;
    return api.subscribe(event, (payload) => latest.current(payload));
  }, [event]);
}

/** Which cached methods show data of a changed domain, beyond those named `<domain>.*`. */
const ALSO_SHOWN_IN: Record<string, string[]> = {
  buildings: ['overview.get', 'report.daily', 'search.all', 'briefing.get'],
  screening: ['overview.get', 'report.daily', 'briefing.get'],
  compounds: ['buildings.', 'report.daily', 'search.all', 'briefing.get'],
  territory: ['map.layers', 'buildings.', 'search.all', 'briefing.get'],
  statuses: ['briefing.get'],
  map: ['map.layers'],
  staffing: ['overview.get', 'briefing.get', 'serviceHours.'],
  volunteerService: ['volunteerTeams.', 'serviceHours.', 'recognition.'],
};

/**
 * What shows building statuses, besides the map's own data (which takes each pushed change as
 * it is, see features/map/map-sync): small answers, refetched after a status change.
 */
const SHOWS_STATUSES = ['buildings.get', 'buildings.history', 'buildings.lastBatch', 'buildings.reminders', 'buildings.list', 'map.statusAsOf', 'overview.get', 'report.daily', 'search.all', 'briefing.get'];

export function invalidateDomains(client: QueryClient, domains: readonly string[]): Promise<void> {
  if (domains.length === 0 || domains.includes('*')) return client.invalidateQueries();
  const prefixes = new Set<string>(['system.info']);
  for (const domain of domains) {
    prefixes.add(`${domain}.`);
    for (const also of ALSO_SHOWN_IN[domain] ?? []) prefixes.add(also);
  }
  return client.invalidateQueries({
    predicate: (query) => {
      const method = query.queryKey[0];
      return typeof method === 'string' && [...prefixes].some((p) => method === p || method.startsWith(p));
    },
  });
}

/** Refetches what shows statuses: the open panel, its history, the undo button, the reminders, the table. */
export function invalidateStatusViews(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && SHOWS_STATUSES.includes(q.queryKey[0]) });
}

/**
 * Mounted once by the app: `data.changed` invalidates the queries of the domains that changed,
 * `map.changed` what shows statuses. After the event stream was down, everything shown is
 * refetched except the map's data, which catches up by revision.
 */
export function useDataChangedInvalidation(): void {
  const client = useQueryClient();
  useApiEvent('data.changed', ({ domains }) => {
    void invalidateDomains(client, domains);
  });
  useApiEvent('map.changed', () => {
    void invalidateStatusViews(client);
  });
  useApiEvent('events.resumed', () => {
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'map.layers' });
  });
}
