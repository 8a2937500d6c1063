import { SYSTEM_ACTOR } from '../../db/auth/roles';
import { recordEscalations } from '../../db/requests/escalate';
import type { GridRuntime } from './runtime';

/** How often the runtime looks for requests that have just passed their limit. */
export const SWEEP_EVERY_MS = 60_000;

/**
 * Records the escalations (督办) due by the runtime's clock, so a request that passes its 24-hour
 * or 3-day limit is escalated, and every open window told, even while nobody reads the queue.
 * Skipped while a job runs (a write job holds the lock; the next sweep or read records it).
 * Returns how many requests were escalated.
 */
export function sweepEscalations(rt: GridRuntime): number {
  const host = rt.vault.host;
  if (!host || rt.jobs.busy || !host.hasData()) return 0;
  const escalated = recordEscalations(host.context(SYSTEM_ACTOR), rt.now());
  if (escalated > 0) host.emit('data.changed', { domains: ['requests', 'buildings'] });
  return escalated;
}

/** Sweeps every minute while the runtime is open; the returned function stops it. */
export function watchEscalations(rt: GridRuntime): () => void {
  const timer = setInterval(() => {
    try {
      sweepEscalations(rt);
    } catch {
      // The database was busy or closing: the next sweep, or the next read, records them.
    }
  }, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
