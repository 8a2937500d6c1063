import type { Map as LeafletMap } from 'leaflet';

/**
 * Our map panes, bottom to top. Buildings draw on their own canvas in Leaflet's overlay pane
 * (z 400); everything drawn above them lets clicks through to the buildings.
 */
export const PANES = {
  basemap: { name: 'gd-basemap', z: 250, interactive: false },
  mask: { name: 'gd-mask', z: 300, interactive: false },
  grids: { name: 'gd-grids', z: 420, interactive: false },
  communities: { name: 'gd-communities', z: 430, interactive: false },
  highlight: { name: 'gd-highlight', z: 440, interactive: false },
  labels: { name: 'gd-labels', z: 450, interactive: false },
} as const;

export type PaneKey = keyof typeof PANES;

export function ensurePanes(map: LeafletMap): void {
  for (const { name, z, interactive } of Object.values(PANES)) {
    if (map.getPane(name)) continue;
    const pane = map.createPane(name);
    pane.style.zIndex = String(z);
    if (!interactive) pane.style.pointerEvents = 'none';
  }
}

/** Shows or hides a whole pane at once: instant, even with thousands of shapes in it. */
export function setPaneVisible(map: LeafletMap, pane: string, visible: boolean): void {
  const el = map.getPane(pane);
  if (el) el.style.display = visible ? '' : 'none';
}
