import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateStatusViews } from '../../api/events';

/** Refetches what shows statuses: the open panel, its history, the undo button, the reminders. */
export function useStatusRefresh(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void invalidateStatusViews(client);
  }, [client]);
}
