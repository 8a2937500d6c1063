import { QueryClient } from '@tanstack/react-query';
import { isPermanent } from './client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // The map payload is large: refetch on push events, not on every window focus.
        refetchOnWindowFocus: false,
        retry: (failures, error) => !isPermanent(error) && failures < 2,
      },
    },
  });
}
