import { MutationCache, QueryCache, QueryClient, type Mutation } from '@tanstack/react-query';
import { contract, isMethodName } from '../../electron/api';
import { ApiCallError, isPermanent } from './client';
import { invalidateDomains } from './events';

/** The query key of `auth.status`: the auth gate reads it, logins and logouts write it. */
export const AUTH_STATUS_KEY = ['auth.status', {}] as const;

/**
 * A call refused with UNAUTHENTICATED means the session expired, went idle (locked) or was
 * signed out elsewhere: ask `auth.status` again so the gate shows the login or lock screen.
 */
function onUnauthenticated(client: () => QueryClient, error: unknown): void {
  if (!(error instanceof ApiCallError) || error.code !== 'UNAUTHENTICATED') return;
  if (error.method === 'auth.status') return; // no loop: the gate shows that error itself
  void client().invalidateQueries({ queryKey: AUTH_STATUS_KEY, exact: true }, { cancelRefetch: false });
}

/** After a method succeeds, what shows the domains it declares it changes (`invalidates`) is fetched again. */
function onChanged(client: () => QueryClient, mutation: Mutation<unknown, unknown, unknown, unknown>): void {
  const method = mutation.options.mutationKey?.[0];
  if (!isMethodName(method)) return;
  const { invalidates } = contract[method];
  if (invalidates.length > 0) void invalidateDomains(client(), invalidates);
}

export function createQueryClient(): QueryClient {
  const get = () => client;
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthenticated(get, error) }),
    mutationCache: new MutationCache({
      onError: (error) => onUnauthenticated(get, error),
      onSuccess: (_data, _input, _context, mutation) => onChanged(get, mutation),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // The map payload is large: refetch on push events, not on every window focus.
        refetchOnWindowFocus: false,
        retry: (failures, error) => !isPermanent(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
