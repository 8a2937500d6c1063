import L from 'leaflet';
import { newPixelOrigin } from './leaflet-canvas';

/** What we touch of Leaflet's canvas renderer internals (stable across 1.x). */
interface RendererInternals {
  _map: L.Map & { _animatingZoom?: boolean };
  _bounds?: L.Bounds;
  _zoom?: number;
  _container: HTMLCanvasElement;
  _ctx: CanvasRenderingContext2D;
  _gdOrigin?: L.Point;
  fire(type: string): void;
}

const renderer = L.Renderer.prototype as unknown as { _update(this: RendererInternals): void };
const canvas = L.Canvas.prototype as unknown as { _updateTransform(this: RendererInternals, center: L.LatLng, zoom: number): void };

/** True when the map still shows only what the canvas drew last time (same zoom, same origin). */
export function viewInside(map: L.Map, drawn: L.Bounds | undefined, zoom: number | undefined, origin: L.Point | undefined): boolean {
  if (!drawn || zoom !== map.getZoom() || !origin || !origin.equals(map.getPixelOrigin())) return false;
  const size = map.getSize();
  return drawn.contains(L.bounds(map.containerPointToLayerPoint([0, 0]), map.containerPointToLayerPoint(size)));
}

/**
 * Leaflet's canvas renderer redraws every path after every move. This one keeps its canvas
 * (drawn with padding around the view) after a pan that stays inside what it already drew:
 * panning 10,000 buildings then costs a translate, not a redraw. When it does redraw, it
 * keeps its bitmap if the size did not change (Leaflet reallocates it every time; the full
 * redraw that follows clears it anyway). It is placed where it was drawn to the pixel
 * (Leaflet's placement after a view reset can be off by a fraction, blurring the canvas).
 */
const StickyCanvas = L.Canvas.extend({
  _update(this: RendererInternals) {
    const map = this._map;
    if (map._animatingZoom ? this._bounds : viewInside(map, this._bounds, this._zoom, this._gdOrigin)) return;
    renderer._update.call(this);
    const b = this._bounds as L.Bounds & { min: L.Point };
    const size = b.getSize(), m = L.Browser.retina ? 2 : 1, el = this._container;
    L.DomUtil.setPosition(el, b.min);
    if (el.width !== m * size.x || el.height !== m * size.y) {
      el.width = m * size.x;
      el.height = m * size.y;
      el.style.width = `${size.x}px`;
      el.style.height = `${size.y}px`;
    }
    this._ctx.setTransform(m, 0, 0, m, -b.min.x * m, -b.min.y * m);
    this.fire('update');
    this._gdOrigin = map.getPixelOrigin();
  },
  _updateTransform(this: RendererInternals, center: L.LatLng, zoom: number) {
    const map = this._map, b = this._bounds as (L.Bounds & { min: L.Point }) | undefined, origin = this._gdOrigin;
    if (!b || !origin || this._zoom === undefined) return canvas._updateTransform.call(this, center, zoom);
    const scale = map.getZoomScale(zoom, this._zoom);
    L.DomUtil.setTransform(this._container, b.min.add(origin).multiplyBy(scale).subtract(newPixelOrigin(map, center, zoom)), scale);
  },
}) as unknown as new (options?: L.RendererOptions) => L.Canvas;

export function stickyCanvas(options?: L.RendererOptions): L.Canvas {
  return new StickyCanvas({ padding: 0.3, ...options });
}
