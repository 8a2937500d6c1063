import type { Rectangle } from 'electron';

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

/**
 * The display for the leaders' wall window: the largest one that is not the primary display
 * (the operator's), or none when there is only one screen.
 */
export function pickBriefingDisplay<D extends DisplayLike>(displays: readonly D[], primaryId: number): D | undefined {
  let best: D | undefined;
  for (const display of displays) {
    if (display.id === primaryId) continue;
    if (!best || display.bounds.width * display.bounds.height > best.bounds.width * best.bounds.height) best = display;
  }
  return best;
}
