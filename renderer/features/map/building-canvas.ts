import L from 'leaflet';
import { hitTest, type Footprints } from './building-data';
import { HoverCanvas } from './building-hover';
import { paintBuildings, paintSelected, pixelBox, union, type PaintView, type PixelRect, type StatusPaint } from './building-paint';
import { animatingZoom, canvasRatio, crsScale, dragging, layerCanvas, newPixelOrigin } from './leaflet-canvas';
import { viewInside } from './sticky-canvas';

/** Drawn this much of the view size beyond each edge, so short pans need no redraw. */
const PADDING = 0.3;
/** How near an outline (px) still counts as on the building: half the outline plus 2. */
const TOLERANCE = 2.3;
/** A status change touching more of the canvas than this share repaints it whole. */
const PARTIAL_LIMIT = 0.25;

interface Drawn {
  min: L.Point;
  size: L.Point;
  bounds: L.Bounds;
  zoom: number;
  origin: L.Point;
  view: PaintView;
}

/**
 * Every building on one canvas of its own in the overlay pane, painted colour by colour in
 * batched paths, culled to the view (plus padding), kept as it is after pans that stay
 * inside it, scaled by CSS during zoom animations like Leaflet's own canvas. Hover is a small second canvas;
 * clicks and hover are hit-tested against a grid index, not against 10,000 layers.
 */
export class BuildingCanvas extends L.Layer {
  private readonly canvas = layerCanvas('gd-buildings leaflet-zoom-animated');
  private readonly hover = new HoverCanvas();
  private geometry: Footprints | null = null;
  private status: Uint8Array = new Uint8Array(0);
  private selected: Uint8Array | null = null;
  private scratch: Uint32Array = new Uint32Array(0);
  private drawn: Drawn | null = null;
  private hovered = -1;
  private frame = 0;
  private pendingAll = false;
  private pendingRect: PixelRect | null = null;
  private afterPaint: (() => void)[] = [];
  private readonly onLeave = () => this.setHover(-1);

  constructor(
    private palette: readonly StatusPaint[],
    private readonly onPick: (i: number) => void,
  ) {
    super();
    this.canvas.addEventListener('mouseleave', this.onLeave);
  }

  /** New geometry and statuses (status codes index the palette); painted in the next frame. */
  setBuildings(geometry: Footprints, status: Uint8Array): void {
    this.geometry = geometry;
    this.status = status;
    if (this.scratch.length < geometry.count) this.scratch = new Uint32Array(geometry.count);
    this.setHover(-1);
    this.schedule(null);
  }

  /** Repaints only around the buildings whose status code changed (already set in `status`). */
  restyle(changed: readonly number[]): void {
    const d = this.drawn, f = this.geometry;
    if (!d || !f || changed.length === 0) return;
    let rect: PixelRect | null = null;
    for (const i of changed) {
      const b = pixelBox(f, i, d.view);
      if (b.x1 < -2 || b.y1 < -2 || b.x0 > d.size.x + 2 || b.y0 > d.size.y + 2) continue;
      rect = union(rect, b);
    }
    if (changed.includes(this.hovered)) this.paintHover();
    if (rect) this.schedule(rect);
  }

  /** The map this layer is on, if any. */
  get onMap(): L.Map | null {
    return this._map ?? null;
  }

  /** New colours for the codes (and possibly new codes): everything is painted again. */
  setPalette(palette: readonly StatusPaint[], status: Uint8Array): void {
    this.palette = palette;
    this.status = status;
    this.schedule(null);
    this.paintHover();
  }

  /** Buildings outlined as selected (1 = selected), or null for none. */
  setSelected(flags: Uint8Array | null): void {
    this.selected = flags;
    this.schedule(null);
  }

  /** The colour painted at container point (x, y), as #rrggbb, or null off the canvas. */
  pixel(map: L.Map, x: number, y: number): string | null {
    const d = this.drawn, ctx = this.canvas.getContext('2d');
    if (!d || !ctx) return null;
    const layer = map.containerPointToLayerPoint([x, y]).subtract(d.min);
    const ratio = canvasRatio();
    const px = Math.round(layer.x * ratio), py = Math.round(layer.y * ratio);
    if (px < 0 || py < 0 || px >= this.canvas.width || py >= this.canvas.height) return null;
    const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(px, py, 1, 1).data;
    if (a === 0) return null;
    return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
  }

  /** Calls `done` once, right after the next full paint. */
  whenPainted(done: () => void): void {
    this.afterPaint.push(done);
    this.schedule(null);
  }

  override onAdd(): this {
    this.getPane()?.append(this.canvas, this.hover.element);
    this.drawn = null;
    this.paintAll();
    return this;
  }

  override onRemove(): this {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.setHover(-1);
    this.canvas.remove();
    this.hover.element.remove();
    this.drawn = null;
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    return {
      viewreset: this.onViewReset,
      zoom: this.onZoom,
      zoomanim: this.onZoomAnim as L.LeafletEventHandlerFn,
      moveend: this.onMoveEnd,
      mousemove: this.onMouseMove as L.LeafletEventHandlerFn,
      click: this.onClick as L.LeafletEventHandlerFn,
    };
  }

  private schedule(rect: PixelRect | null): void {
    if (!rect) this.pendingAll = true;
    else if (!this.pendingAll) this.pendingRect = union(this.pendingRect, rect);
    if (this.frame || !this._map) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this._map || animatingZoom(this._map)) return; // the zoom's moveend repaints
      if (this.pendingAll) this.paintAll();
      else if (this.pendingRect) this.paintRect(this.pendingRect);
    });
  }

  private paintAll(): void {
    const map = this._map;
    if (!map) return;
    this.pendingAll = false;
    this.pendingRect = null;
    const view = map.getSize();
    const min = map.containerPointToLayerPoint(view.multiplyBy(-PADDING)).round();
    const max = min.add(view.multiplyBy(1 + 2 * PADDING)).round();
    const size = max.subtract(min);
    const zoom = map.getZoom(), origin = map.getPixelOrigin();
    const d: Drawn = { min, size, bounds: L.bounds(min, max), zoom, origin, view: { scale: crsScale(map, zoom), ox: origin.x + min.x, oy: origin.y + min.y } };
    this.drawn = d;
    const ratio = canvasRatio();
    const canvas = this.canvas;
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    L.DomUtil.setPosition(canvas, min);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      if (this.geometry) {
        const area = { x0: 0, y0: 0, x1: size.x, y1: size.y };
        const n = paintBuildings(ctx, this.geometry, this.status, this.palette, d.view, area, this.scratch);
        if (this.selected) paintSelected(ctx, this.geometry, this.selected, d.view, this.scratch, n);
      }
    }
    this.paintHover();
    const done = this.afterPaint;
    this.afterPaint = [];
    for (const fn of done) fn();
  }

  private paintRect(rect: PixelRect): void {
    this.pendingRect = null;
    const d = this.drawn, f = this.geometry, ctx = this.canvas.getContext('2d');
    if (!d || !f || !ctx) return;
    const x0 = Math.max(0, Math.floor(rect.x0) - 3), y0 = Math.max(0, Math.floor(rect.y0) - 3);
    const x1 = Math.min(d.size.x, Math.ceil(rect.x1) + 3), y1 = Math.min(d.size.y, Math.ceil(rect.y1) + 3);
    if (x1 <= x0 || y1 <= y0) return;
    if ((x1 - x0) * (y1 - y0) > PARTIAL_LIMIT * d.size.x * d.size.y) return this.paintAll();
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
    const n = paintBuildings(ctx, f, this.status, this.palette, d.view, { x0, y0, x1, y1 }, this.scratch);
    if (this.selected) paintSelected(ctx, f, this.selected, d.view, this.scratch, n);
    ctx.restore();
  }

  private onMoveEnd(): void {
    const map = this._map, d = this.drawn;
    if (!map || animatingZoom(map)) return;
    if (!this.pendingAll && d && viewInside(map, d.bounds, d.zoom, d.origin)) return;
    this.paintAll();
  }

  private onViewReset(): void {
    const map = this._map, d = this.drawn;
    if (!map) return;
    if (d && !this.pendingAll && viewInside(map, d.bounds, d.zoom, d.origin)) L.DomUtil.setPosition(this.canvas, d.min);
    else this.paintAll();
  }

  private onZoom(): void {
    if (this._map) this.transform(this._map.getCenter(), this._map.getZoom());
  }

  private onZoomAnim(e: L.ZoomAnimEvent): void {
    this.transform(e.center, e.zoom);
  }

  /** Places the canvas drawn at one zoom where it belongs at another (scaled by CSS). */
  private transform(center: L.LatLng, zoom: number): void {
    const map = this._map, d = this.drawn;
    if (!map || !d) return;
    this.hover.hide();
    const scale = map.getZoomScale(zoom, d.zoom);
    L.DomUtil.setTransform(this.canvas, d.min.add(d.origin).multiplyBy(scale).subtract(newPixelOrigin(map, center, zoom)), scale);
  }

  /** The building at a layer point under the current view, or −1. */
  private pick(p: L.Point): number {
    const map = this._map, f = this.geometry;
    if (!map || !f) return -1;
    const scale = crsScale(map, map.getZoom()), origin = map.getPixelOrigin();
    const status = this.status;
    return hitTest(f, (p.x + origin.x) / scale, (p.y + origin.y) / scale, TOLERANCE / scale, (i) => status[i] as number);
  }

  private onMouseMove(e: L.LeafletMouseEvent): void {
    const map = this._map;
    if (!map || dragging(map) || animatingZoom(map)) return;
    this.setHover(e.originalEvent.target === this.canvas ? this.pick(e.layerPoint) : -1);
  }

  private onClick(e: L.LeafletMouseEvent): void {
    if (e.originalEvent.target !== this.canvas) return;
    const i = this.pick(e.layerPoint);
    if (i >= 0) this.onPick(i);
  }

  private setHover(i: number): void {
    if (i === this.hovered) return;
    this.hovered = i;
    this.canvas.classList.toggle('leaflet-interactive', i >= 0);
    this.paintHover();
  }

  private paintHover(): void {
    const map = this._map, f = this.geometry, i = this.hovered;
    const paint = this.palette[this.status[i] as number];
    if (map && f && paint && i >= 0 && i < f.count) this.hover.show(map, f, i, paint);
    else this.hover.hide();
  }
}
