/**
 * Not a push event for windows: tells the transports that a session signed out or locked, so the
 * event streams opened for it are closed.
 */
export const SESSION_ENDED = 'session.ended';

/**
 * Which account a push event is for: a job's progress goes to the account that started it only
 * (another account must not learn its files, imports or backups); everything else to every
 * signed-in window. null means everyone.
 */
export function eventAudience(event: string, payload: unknown): string | null {
  if (event === SESSION_ENDED) return '';
  if (event === 'jobs.changed') return (payload as { ownerId?: unknown } | null)?.ownerId as string;
  return null;
}

/** Whether a window or stream signed in as `accountId` may receive the event. */
export function mayReceive(event: string, payload: unknown, accountId: string | null | undefined): boolean {
  const audience = eventAudience(event, payload);
  return audience === null || (!!accountId && audience === accountId);
}
