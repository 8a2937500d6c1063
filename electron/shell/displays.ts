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

/** Where the briefing window was last, kept in the data directory (`briefing-window.json`). */
export interface RememberedPlacement {
  displayId: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export const PLACEMENT_FILE = 'briefing-window.json';

/**
 * The display the briefing window opens on: the one chosen at launch (`--briefing-display N`, the
 * Nth screen in the system's order, 1-based), else the one it was on last (by id, or — ids change
 * after a reboot or re-plugging — by the same bounds), else the largest screen that is not the
 * operator's, else none (one screen only). The window covers the chosen display's whole bounds (kiosk).
 */
export function chooseBriefingDisplay<D extends DisplayLike>(
  displays: readonly D[],
  primaryId: number,
  options: { chosen?: number | undefined; remembered?: RememberedPlacement | null | undefined } = {},
): D | undefined {
  const { chosen, remembered } = options;
  if (chosen !== undefined && displays[chosen - 1]) return displays[chosen - 1];
  if (remembered) {
    const byId = displays.find((d) => d.id === remembered.displayId);
    if (byId) return byId;
    const same = (d: D) => (['x', 'y', 'width', 'height'] as const).every((k) => d.bounds[k] === remembered.bounds[k]);
    const byBounds = displays.find(same);
    if (byBounds) return byBounds;
  }
  return pickBriefingDisplay(displays, primaryId);
}

/** The remembered placement in the file's text, or null when it is missing or not one. */
export function parsePlacement(text: string | null): RememberedPlacement | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<RememberedPlacement>;
    const b = v.bounds as Record<string, unknown> | undefined;
    if (typeof v.displayId !== 'number' || !b || !['x', 'y', 'width', 'height'].every((k) => typeof b[k] === 'number')) return null;
    return { displayId: v.displayId, bounds: { x: b.x as number, y: b.y as number, width: b.width as number, height: b.height as number } };
  } catch {
    return null;
  }
}
