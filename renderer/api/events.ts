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
  buildings: ['map.layers'],
  compounds: ['buildings.'],
  territory: ['map.layers', 'buildings.'],
  map: ['map.layers'],
};

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

/** Mounted once by the app: `data.changed` invalidates the queries of the domains that changed. */
export function useDataChangedInvalidation(): void {
  const client = useQueryClient();
  useApiEvent('data.changed', ({ domains }) => {
    void invalidateDomains(client, domains);
  });
}
