import L from 'leaflet';

/** What we touch of Leaflet's canvas renderer internals (stable across 1.x). */
interface RendererInternals {
  _map: L.Map & { _animatingZoom?: boolean };
  _bounds?: L.Bounds;
  _zoom?: number;
  _gdOrigin?: L.Point;
}

const base = L.Canvas.prototype as unknown as { _update(this: RendererInternals): void };

/** True when the map still shows only what the canvas drew last time (same zoom, same origin). */
export function viewInside(map: L.Map, drawn: L.Bounds | undefined, zoom: number | undefined, origin: L.Point | undefined): boolean {
  if (!drawn || zoom !== map.getZoom() || !origin || !origin.equals(map.getPixelOrigin())) return false;
  const size = map.getSize();
  return drawn.contains(L.bounds(map.containerPointToLayerPoint([0, 0]), map.containerPointToLayerPoint(size)));
}

/**
 * Leaflet's canvas renderer redraws every path after every move. This one keeps its canvas
 * (drawn with padding around the view) after a pan that stays inside what it already drew:
 * panning 10,000 buildings then costs a translate, not a redraw.
 */
const StickyCanvas = L.Canvas.extend({
  _update(this: RendererInternals) {
    const map = this._map;
    if (!map._animatingZoom && viewInside(map, this._bounds, this._zoom, this._gdOrigin)) return;
    base._update.call(this);
    this._gdOrigin = map.getPixelOrigin();
  },
}) as unknown as new (options?: L.RendererOptions) => L.Canvas;

export function stickyCanvas(options?: L.RendererOptions): L.Canvas {
  return new StickyCanvas({ padding: 0.3, ...options });
}
