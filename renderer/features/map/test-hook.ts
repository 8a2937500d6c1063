import type L from 'leaflet';
import type { BuildingLayer } from './building-layer';

/** What Playwright uses to find canvas-drawn buildings (see `window.__gridDeskMap`). */
export interface GridDeskMapTestHook {
  /** Page coordinates of a point inside the building's footprint, after panning it into view. */
  buildingScreenPoint(id: string): { x: number; y: number } | null;
  buildingIds(): string[];
  panBy(dx: number, dy: number): void;
}

/** Below this zoom a footprint is a few pixels: zoom in before pointing at one. */
const CLICKABLE_ZOOM = 17;

/** The part of the map not covered by the building panel. */
function freeArea(map: L.Map): { width: number; height: number; rightInset: number } {
  const size = map.getSize();
  const container = map.getContainer().getBoundingClientRect();
  const panel = document.querySelector('[data-testid="building-panel"]')?.getBoundingClientRect();
  const rightInset = panel && panel.width > 0 ? Math.max(0, container.right - panel.left) : 0;
  return { width: size.x - rightInset, height: size.y, rightInset };
}

export function installMapTestHook(map: L.Map, layer: BuildingLayer): () => void {
  const hook: GridDeskMapTestHook = {
    buildingScreenPoint(id) {
      const target = layer.insidePoint(id);
      if (!target) return null;
      if (map.getZoom() < CLICKABLE_ZOOM) map.setView(target, CLICKABLE_ZOOM, { animate: false });
      const free = freeArea(map);
      let p = map.latLngToContainerPoint(target);
      // Keep clear of the overlays at the edges (layers card, legend, panel).
      const inside = p.x > free.width * 0.3 && p.x < free.width * 0.7 && p.y > free.height * 0.3 && p.y < free.height * 0.7;
      if (!inside) {
        map.setView(target, map.getZoom(), { animate: false });
        if (free.rightInset > 0) map.panBy([free.rightInset / 2, 0], { animate: false });
        p = map.latLngToContainerPoint(target);
      }
      const rect = map.getContainer().getBoundingClientRect();
      return { x: Math.round(rect.left + p.x + window.scrollX), y: Math.round(rect.top + p.y + window.scrollY) };
    },
    buildingIds: () => layer.ids(),
    panBy(dx, dy) {
      map.panBy([dx, dy], { animate: false });
    },
  };
  window.__gridDeskMap = hook;
  return () => {
    if (window.__gridDeskMap === hook) delete window.__gridDeskMap;
  };
}
