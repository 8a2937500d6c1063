import { useSyncExternalStore } from 'react';

/**
 * Secondary start-up queries (header figures, reminders, screening rounds, last batch) wait until
 * the map has drawn its buildings once, so the one service process answers `map.layers` first.
 * The gate also opens when the first page is not the map, when the map cannot draw, and at the
 * latest a few seconds after the page loaded.
 */
const LATEST_MS = 4000;

let open = false;
const listeners = new Set<() => void>();

export function openStartupGate(): void {
  if (open) return;
  open = true;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') window.setTimeout(openStartupGate, LATEST_MS);

/** True once the secondary start-up queries may run. */
export function useStartupSettled(): boolean {
  return useSyncExternalStore(subscribe, () => open);
}
