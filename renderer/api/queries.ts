import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodResult } from '../../electron/api';
import { call } from './client';
import { AUTH_STATUS_KEY } from './query-client';
import { useStartupSettled } from './startup-gate';

/** Query keys are `[method, input]`: invalidating by method name (or its domain prefix) is easy. */
export function queryKey<M extends MethodName>(method: M, input: MethodInput<M>): readonly [M, MethodInput<M>] {
  return [method, input] as const;
}

type Extra<M extends MethodName> = Omit<UseQueryOptions<MethodResult<M>, Error>, 'queryKey' | 'queryFn'>;

export function useApiQuery<M extends MethodName>(method: M, input: MethodInput<M>, options?: Extra<M>) {
  return useQuery<MethodResult<M>, Error>({
    queryKey: queryKey(method, input),
    queryFn: () => call(method, input),
    ...options,
  });
}

type MutationExtra<M extends MethodName> = Omit<
  UseMutationOptions<MethodResult<M>, Error, MethodInput<M>>,
  'mutationFn' | 'mutationKey'
>;

/** A method that changes data; failures reject with an `ApiCallError` (code, message, field). */
export function useApiMutation<M extends MethodName>(method: M, options?: MutationExtra<M>) {
  return useMutation<MethodResult<M>, Error, MethodInput<M>>({
    mutationKey: [method],
    mutationFn: (input) => call(method, input),
    ...options,
  });
}

export function useSystemInfo() {
  return useApiQuery('system.info', {}, { enabled: useStartupSettled() });
}

/** The map's data: loaded once, then kept current by pushed changes (features/map/use-map-sync), never stale by age. */
export function useMapLayers() {
  return useApiQuery('map.layers', {}, { staleTime: Infinity });
}

export function useBuilding(id: string | null) {
  return useApiQuery('buildings.get', { id: id ?? '' }, { enabled: id !== null });
}

/**
 * Who is signed in. Asked again every minute while signed in (the service locks idle sessions),
 * when the page becomes visible, and when the window regains focus (TanStack Query only watches
 * visibility; switching back to the Electron window from another app is a `focus`).
 */
export function useAuthStatusQuery() {
  const client = useQueryClient();
  useEffect(() => {
    const onFocus = () => void client.invalidateQueries({ queryKey: AUTH_STATUS_KEY, exact: true }, { cancelRefetch: false });
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [client]);
  return useQuery<MethodResult<'auth.status'>, Error>({
    queryKey: AUTH_STATUS_KEY,
    queryFn: () => call('auth.status', {}),
    staleTime: 10_000,
    refetchOnWindowFocus: 'always',
    refetchInterval: (query) => (query.state.data?.state === 'signed-in' ? 60_000 : false),
    refetchIntervalInBackground: false,
  });
}
