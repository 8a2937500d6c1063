import { createContext, useContext, type ReactNode } from 'react';
import type { Permission, SessionUser } from '../../../electron/api';

const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user, for everything inside the auth gate. */
export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSessionUser() outside the auth gate');
  return user;
}

/** Has the signed-in user this permission (or any of these)? Hides what the services would refuse. */
export function hasPermission(user: SessionUser, permission: Permission | readonly Permission[]): boolean {
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return wanted.some((p) => user.permissions.includes(p));
}

export function useCan(): (permission: Permission | readonly Permission[]) => boolean {
  const user = useSessionUser();
  return (permission) => hasPermission(user, permission);
}
