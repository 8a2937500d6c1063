import L from 'leaflet';

/** What we read of Leaflet's map internals (stable across 1.x). */
interface MapInternals {
  _animatingZoom?: boolean;
  dragging?: { moving?(): boolean };
}

/** A canvas for a map pane (Leaflet's CSS positions `.leaflet-pane > canvas` absolutely). */
export function layerCanvas(className: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = className;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

/** Leaflet's pixels per world unit at `zoom` (256 · 2^zoom for Web Mercator). */
export const crsScale = (map: L.Map, zoom: number): number => (map.options.crs ?? L.CRS.EPSG3857).scale(zoom);

/** Device pixels per CSS pixel of our canvases: what Leaflet's own canvas renderer uses. */
export const canvasRatio = (): number => (L.Browser.retina ? 2 : 1);

export const animatingZoom = (map: L.Map): boolean => (map as L.Map & MapInternals)._animatingZoom === true;

export const dragging = (map: L.Map): boolean => (map as L.Map & MapInternals).dragging?.moving?.() === true;

/** Leaflet's pixel origin for the view at `center`, `zoom` (what `_getNewPixelOrigin` gives). */
export function newPixelOrigin(map: L.Map, center: L.LatLng, zoom: number): L.Point {
  const pane = map.getPane('mapPane');
  const panePos = (pane && L.DomUtil.getPosition(pane)) || L.point(0, 0);
  return map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(panePos).round();
}
