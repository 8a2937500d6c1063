import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * After a designation changes: every building of the compound shows the flag, the map draws it,
 * the table filters by it. The service's push only names the `compounds` domain.
 */
export function useSafeCompoundRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    () =>
      client.invalidateQueries({
        predicate: (q) => {
          const method = q.queryKey[0];
          return typeof method === 'string' && (method.startsWith('buildings.') || method.startsWith('compounds.'));
        },
      }),
    [client],
  );
}
