import type L from 'leaflet';
import type { BuildingLayer } from './building-layer';

/**
 * What Playwright uses to find canvas-drawn buildings (see `window.__gridDeskMap`). Installed only
 * in a build made for the end-to-end tests (`vite build --mode e2e`, as `npm run test:e2e` does);
 * a build for users has none of it.
 */
export interface GridDeskMapTestHook {
  /** Page coordinates of a point inside the building's footprint, after panning it into view. */
  buildingScreenPoint(id: string): { x: number; y: number } | null;
  /** Page coordinates of the middle of every building now in view (no panning). */
  visibleCentres(): { id: string; x: number; y: number }[];
  buildingIds(): string[];
  /** Buildings selected with the selection tools. */
  selectedIds(): string[];
  /** The colour painted on the buildings canvas at a page point (#rrggbb), or null. */
  pixelAt(x: number, y: number): string | null;
  panBy(dx: number, dy: number): void;
  zoom(): number;
  /** The [lat, lng] under a page point: what a test compares with known coordinates. */
  latLngAt(x: number, y: number): [number, number];
  /** The page point the map draws a WGS-84 [lat, lng] at (the inverse of `latLngAt`). */
  pagePointOf(lat: number, lng: number): { x: number; y: number };
  /** Centres the map on a [lat, lng] at a zoom, without animation. */
  setView(lat: number, lng: number, zoom: number): void;
}

/** Below this zoom a footprint is a few pixels: zoom in before pointing at one. */
const CLICKABLE_ZOOM = 17;

let selection: () => string[] = () => [];

/** The map page tells the hook what is selected. */
export function setTestSelection(read: () => string[]): void {
  selection = read;
}

/** The part of the map not covered by the building panel. */
function freeArea(map: L.Map): { width: number; height: number; rightInset: number } {
  const size = map.getSize();
  const container = map.getContainer().getBoundingClientRect();
  const panel = document.querySelector('[data-testid="building-panel"]')?.getBoundingClientRect();
  const rightInset = panel && panel.width > 0 ? Math.max(0, container.right - panel.left) : 0;
  return { width: size.x - rightInset, height: size.y, rightInset };
}

export function installMapTestHook(map: L.Map, layer: BuildingLayer): () => void {
  const toPage = (p: L.Point) => {
    const rect = map.getContainer().getBoundingClientRect();
    return { x: Math.round(rect.left + p.x + window.scrollX), y: Math.round(rect.top + p.y + window.scrollY) };
  };
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
      return toPage(p);
    },
    visibleCentres() {
      const size = map.getSize();
      const out: { id: string; x: number; y: number }[] = [];
      for (const id of layer.ids()) {
        const p = layer.centrePoint(map, id);
        if (p && p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y) out.push({ id, ...toPage(p) });
      }
      return out;
    },
    buildingIds: () => layer.ids(),
    selectedIds: () => selection(),
    pixelAt(x, y) {
      const rect = map.getContainer().getBoundingClientRect();
      return layer.layer.pixel(map, x - rect.left - window.scrollX, y - rect.top - window.scrollY);
    },
    panBy(dx, dy) {
      map.panBy([dx, dy], { animate: false });
    },
    zoom: () => map.getZoom(),
    latLngAt(x, y) {
      const rect = map.getContainer().getBoundingClientRect();
      const at = map.containerPointToLatLng([x - rect.left - window.scrollX, y - rect.top - window.scrollY]);
      return [at.lat, at.lng];
    },
    pagePointOf(lat, lng) {
      const p = map.latLngToContainerPoint([lat, lng]);
      const rect = map.getContainer().getBoundingClientRect();
      return { x: rect.left + p.x + window.scrollX, y: rect.top + p.y + window.scrollY };
    },
    setView(lat, lng, zoom) {
      map.setView([lat, lng], zoom, { animate: false });
    },
  };
  window.__gridDeskMap = hook;
  return () => {
    if (window.__gridDeskMap === hook) delete window.__gridDeskMap;
  };
}

