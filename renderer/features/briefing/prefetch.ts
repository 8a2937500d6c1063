import type { QueryClient } from '@tanstack/react-query';
import type { MethodName } from '../../../electron/api';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';

/** What the 大屏 shows first: its figures, its settings, and the map panel's buildings and statuses. */
const FIRST: readonly MethodName[] = ['briefing.get', 'briefing.settings', 'map.layers', 'statuses.list'];

/**
 * Asks for the 大屏's data while its code is still loading (the charts and the map take a few
 * hundred milliseconds to load and start), so the first full render waits for neither in turn.
 * Kept in a module of its own: it must not pull the display's code in.
 */
export function prefetchBriefing(client: QueryClient): void {
  for (const method of FIRST) {
    void client.prefetchQuery({ queryKey: queryKey(method, {} as never), queryFn: () => call(method, {} as never), staleTime: 10_000 });
  }
}
