import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodResult } from '../../electron/api';
import { call } from './client';

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

export function useSystemInfo() {
  return useApiQuery('system.info', {});
}

export function useMapLayers() {
  return useApiQuery('map.layers', {}, { staleTime: 5 * 60_000 });
}

export function useBuilding(id: string | null) {
  return useApiQuery('buildings.get', { id: id ?? '' }, { enabled: id !== null });
}
