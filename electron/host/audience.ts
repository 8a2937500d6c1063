import type Database from 'better-sqlite3-multiple-ciphers';
import type { MapDelta } from '../api';
import type { SessionView } from './backend';

/**
 * Not a push event for windows: tells the transports that a session signed out or locked, so the
 * event streams opened for it are closed.
 */
export const SESSION_ENDED = 'session.ended';

/** Who a window or event stream is signed in as, as the account is now. */
export interface Viewer {
  accountId: string;
  /** A grid worker's grids; null for everyone who sees the whole street. */
  gridIds: readonly string[] | null;
}

/** The viewer of a session, when it is signed in and unlocked. */
export function viewerOf(session: SessionView | null | undefined): Viewer | null {
  return session?.signedIn && session.accountId ? { accountId: session.accountId, gridIds: session.gridIds } : null;
}

/** `map.changed` as the services pass it to the transports: with each changed building's grid. */
type AddressedDelta = MapDelta & { gridOf?: Record<string, string> };

/**
 * On the services' side, before an event leaves for the transports: a map change carries the
 * grid of each building it names, so that a grid worker's windows get only their own.
 */
export function addressEvent(event: string, payload: unknown, sqlite: Database.Database | null): unknown {
  if (event !== 'map.changed' || !sqlite) return payload;
  const delta = payload as MapDelta;
  const ids = Object.values(delta.statuses).flat();
  const rows = sqlite
    .prepare<[string], [string, string]>('SELECT id, grid_id FROM buildings WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(ids));
  return { ...delta, gridOf: Object.fromEntries(rows) } satisfies AddressedDelta;
}

/**
 * The event as this viewer may receive it, or null when it is not for them: nothing for a window
 * or stream not signed in; a job's progress only for the account that started it (another must
 * not learn its files, imports or backups); a map change only with the buildings of a grid
 * worker's own grids (the revision still moves on, so the window stays in step).
 */
export function eventFor(event: string, payload: unknown, viewer: Viewer | null): unknown {
  if (event === SESSION_ENDED || !viewer) return null;
  if (event === 'jobs.changed') return (payload as { ownerId?: unknown } | null)?.ownerId === viewer.accountId ? payload : null;
  if (event === 'map.changed') {
    const { gridOf, ...delta } = payload as AddressedDelta;
    if (!viewer.gridIds) return delta;
    const mine = new Set(viewer.gridIds);
    const statuses = Object.fromEntries(
      Object.entries(delta.statuses)
        .map(([status, ids]) => [status, ids.filter((id) => mine.has(gridOf?.[id] ?? ''))] as const)
        .filter(([, ids]) => ids.length > 0),
    );
    return { ...delta, statuses };
  }
  return payload;
}
