import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** Methods whose answers change when statuses change (besides the map's own data). */
const AFFECTED = ['buildings.get', 'buildings.history', 'buildings.lastBatch', 'buildings.reminders', 'buildings.list', 'map.statusAsOf'];

/** Refetches what shows statuses: the open panel, its history, the undo button, the reminders. */
export function useStatusRefresh(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({
      predicate: (q) => typeof q.queryKey[0] === 'string' && AFFECTED.includes(q.queryKey[0]),
    });
  }, [client]);
}
