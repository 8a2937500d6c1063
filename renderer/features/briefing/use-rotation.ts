import { useEffect, useState } from 'react';
import type { BriefingPanel } from '../../../electron/api';

/**
 * Which panel is on the stage: the next one every `intervalSeconds` while `rotate` is on, the
 * first one while it is off. A change of the list starts again from its first panel.
 */
export function useRotation(panels: readonly BriefingPanel[], rotate: boolean, intervalSeconds: number): number {
  const [index, setIndex] = useState(0);
  const key = panels.join(',');
  useEffect(() => {
    setIndex(0);
    if (!rotate || panels.length < 2) return undefined;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % panels.length), intervalSeconds * 1000);
    return () => window.clearInterval(timer);
    // The list is compared by its contents: a refetch with the same panels keeps the turn going.
  }, [key, rotate, intervalSeconds]);
  return Math.min(index, Math.max(0, panels.length - 1));
}
