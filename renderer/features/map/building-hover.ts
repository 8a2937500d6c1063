import L from 'leaflet';
import type { Footprints } from './building-data';
import { paintHovered, pixelBox, type StatusPaint } from './building-paint';
import { canvasRatio, crsScale, layerCanvas } from './leaflet-canvas';

/**
 * The building under the pointer, drawn on top of the others on a canvas just its size (so
 * hovering repaints a few hundred pixels, not the whole map). Hidden while zooming.
 */
export class HoverCanvas {
  readonly element = layerCanvas('gd-buildings-hover leaflet-zoom-hide');

  constructor() {
    this.element.style.pointerEvents = 'none';
    this.element.style.display = 'none';
  }

  hide(): void {
    this.element.style.display = 'none';
  }

  show(map: L.Map, f: Footprints, i: number, paint: StatusPaint): void {
    const el = this.element;
    const origin = map.getPixelOrigin(), scale = crsScale(map, map.getZoom());
    const b = pixelBox(f, i, { scale, ox: origin.x, oy: origin.y });
    const min = L.point(b.x0 - 3, b.y0 - 3), size = L.point(b.x1 - b.x0 + 6, b.y1 - b.y0 + 6);
    const ratio = canvasRatio();
    el.width = size.x * ratio;
    el.height = size.y * ratio;
    el.style.width = `${size.x}px`;
    el.style.height = `${size.y}px`;
    el.style.display = '';
    L.DomUtil.setPosition(el, min);
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    paintHovered(ctx, f, i, paint, { scale, ox: origin.x + min.x, oy: origin.y + min.y });
  }
}
