import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AuthStatus } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { AUTH_STATUS_KEY } from '../../api/query-client';

/**
 * Puts a status the service returned (login, logout, unlock, setup, recover) into the cache.
 * `fresh`: another person may be at the keyboard now, so everything else cached is dropped.
 */
export function useApplyStatus(): (status: AuthStatus, mode: 'fresh' | 'resume') => void {
  const client = useQueryClient();
  return useCallback(
    (status, mode) => {
      if (mode === 'fresh') {
        // Not client.clear(): the gate's own observer must keep its auth.status query.
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== AUTH_STATUS_KEY[0] });
      }
      client.setQueryData(AUTH_STATUS_KEY, status);
      if (mode === 'resume') void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== AUTH_STATUS_KEY[0] });
    },
    [client],
  );
}

export function useLogin() {
  const apply = useApplyStatus();
  return useApiMutation('auth.login', { onSuccess: (status) => apply(status, 'fresh') });
}

export function useUnlock() {
  const apply = useApplyStatus();
  return useApiMutation('auth.unlock', { onSuccess: (status) => apply(status, 'resume') });
}

export function useLogout() {
  const apply = useApplyStatus();
  return useApiMutation('auth.logout', { onSuccess: (status) => apply(status, 'fresh') });
}

export function useLock() {
  const apply = useApplyStatus();
  return useApiMutation('auth.lock', { onSuccess: (status) => apply(status, 'resume') });
}

export function useRecover() {
  const apply = useApplyStatus();
  return useApiMutation('auth.recover', { onSuccess: (status) => apply(status, 'fresh') });
}
