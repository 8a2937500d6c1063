import L from 'leaflet';
import { FONT_FAMILY } from '../../app/theme';
import type { LatLngPair } from './geometry';
import { viewInside } from './sticky-canvas';

export type LabelKind = 'community' | 'grid' | 'road-arterial' | 'road-local';

export interface PointLabel {
  kind: LabelKind;
  text: string;
  at: LatLngPair;
}

/** A name placed along a line (roads): each part is a polyline of [lat, lng]. */
export interface LineLabel {
  kind: LabelKind;
  text: string;
  parts: LatLngPair[][];
}

interface KindStyle {
  font: string;
  fill: string;
  halo: string;
  haloWidth: number;
  minZoom: number;
}

const STYLES: Record<LabelKind, KindStyle> = {
  community: { font: `600 15px ${FONT_FAMILY}`, fill: '#0e2a5c', halo: 'rgba(255,255,255,0.92)', haloWidth: 4, minZoom: 0 },
  'road-arterial': { font: `500 12px ${FONT_FAMILY}`, fill: '#5c5140', halo: '#fbf8f1', haloWidth: 3, minZoom: 15 },
  grid: { font: `12px ${FONT_FAMILY}`, fill: '#3d4f6b', halo: 'rgba(255,255,255,0.9)', haloWidth: 3, minZoom: 16 },
  'road-local': { font: `11px ${FONT_FAMILY}`, fill: '#6f6656', halo: '#fbf8f1', haloWidth: 3, minZoom: 17 },
};
/** Placement order: what wins a collision. */
const PRIORITY: LabelKind[] = ['community', 'road-arterial', 'grid', 'road-local'];

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Drawn this much of the view size beyond each edge, so short pans need no redraw. */
const PADDING = 0.3;

/**
 * One canvas of text over the map, redrawn after every move: labels for communities, grids
 * and roads without one DOM node per label. Colliding labels of lower priority are dropped.
 */
export class LabelCanvas {
  private readonly canvas = document.createElement('canvas');
  private map: L.Map | null = null;
  private points: PointLabel[] = [];
  private lines: LineLabel[] = [];
  private visible = new Set<LabelKind>(PRIORITY);
  private frame = 0;
  private drawn: { bounds: L.Bounds; zoom: number; origin: L.Point } | null = null;
  private readonly onMoveEnd = () => {
    const d = this.drawn;
    if (this.map && d && viewInside(this.map, d.bounds, d.zoom, d.origin)) return;
    this.schedule();
  };
  private readonly schedule = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  };
  private readonly hide = () => {
    this.canvas.style.visibility = 'hidden';
  };

  constructor(private readonly pane: string) {
    this.canvas.className = 'gd-label-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
  }

  attach(map: L.Map): void {
    this.map = map;
    map.getPane(this.pane)?.appendChild(this.canvas);
    map.on('moveend', this.onMoveEnd);
    map.on('zoomend resize viewreset', this.schedule);
    map.on('zoomstart', this.hide);
    this.schedule();
  }

  detach(): void {
    this.map?.off('moveend', this.onMoveEnd);
    this.map?.off('zoomend resize viewreset', this.schedule);
    this.map?.off('zoomstart', this.hide);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas.remove();
    this.map = null;
  }

  setLabels(points: PointLabel[], lines: LineLabel[]): void {
    this.points = points;
    this.lines = lines;
    this.schedule();
  }

  setVisibleKinds(kinds: Iterable<LabelKind>): void {
    this.visible = new Set(kinds);
    this.schedule();
  }

  private draw(): void {
    const map = this.map;
    if (!map) return;
    const view = map.getSize();
    const origin = map.containerPointToLayerPoint(view.multiplyBy(-PADDING)).round();
    const size = view.multiplyBy(1 + 2 * PADDING).round();
    this.drawn = { bounds: L.bounds(origin, origin.add(size)), zoom: map.getZoom(), origin: map.getPixelOrigin() };
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    const width = Math.round(size.x * ratio), height = Math.round(size.y * ratio);
    // Resizing reallocates the bitmap (slow at this size): only when the size changed.
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    L.DomUtil.setPosition(canvas, origin);
    canvas.style.visibility = '';
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    // Canvas pixel (0, 0) is layer point `origin`.
    ctx.setTransform(ratio, 0, 0, ratio, -origin.x * ratio, -origin.y * ratio);
    const area = L.bounds(origin, origin.add(size));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const zoom = map.getZoom();
    const placed: Box[] = [];
    for (const kind of PRIORITY) {
      const style = STYLES[kind];
      if (!this.visible.has(kind) || zoom < style.minZoom) continue;
      ctx.font = style.font;
      for (const label of this.points) if (label.kind === kind) this.drawPoint(ctx, map, area, label, style, placed);
      for (const label of this.lines) if (label.kind === kind) this.drawLine(ctx, map, area, label, style, placed);
    }
  }

  private drawText(ctx: CanvasRenderingContext2D, style: KindStyle, text: string): void {
    ctx.strokeStyle = style.halo;
    ctx.lineWidth = style.haloWidth;
    ctx.strokeText(text, 0, 0);
    ctx.fillStyle = style.fill;
    ctx.fillText(text, 0, 0);
  }

  private drawPoint(ctx: CanvasRenderingContext2D, map: L.Map, area: L.Bounds, label: PointLabel, style: KindStyle, placed: Box[]): void {
    const p = map.latLngToLayerPoint(label.at);
    if (!area.contains(p)) return;
    const w = ctx.measureText(label.text).width + style.haloWidth * 2;
    const h = parseInt(style.font.match(/(\d+)px/)?.[1] ?? '12', 10) + style.haloWidth * 2;
    const box = { x0: p.x - w / 2, y0: p.y - h / 2, x1: p.x + w / 2, y1: p.y + h / 2 };
    if (placed.some((b) => overlaps(b, box))) return;
    placed.push(box);
    ctx.save();
    ctx.translate(p.x, p.y);
    this.drawText(ctx, style, label.text);
    ctx.restore();
  }

  /** Along the longest visible straight stretches of the line, a few hundred pixels apart. */
  private drawLine(ctx: CanvasRenderingContext2D, map: L.Map, area: L.Bounds, label: LineLabel, style: KindStyle, placed: Box[]): void {
    const { min, max } = area as { min: L.Point; max: L.Point };
    const textWidth = ctx.measureText(label.text).width;
    const candidates: { x: number; y: number; angle: number; length: number }[] = [];
    for (const part of label.parts) {
      let prev: L.Point | null = null;
      for (const ll of part) {
        const p = map.latLngToLayerPoint(ll);
        if (prev) {
          const dx = p.x - prev.x, dy = p.y - prev.y;
          const length = Math.hypot(dx, dy);
          const x = (p.x + prev.x) / 2, y = (p.y + prev.y) / 2;
          if (length > textWidth + 24 && x > min.x + 20 && y > min.y + 12 && x < max.x - 20 && y < max.y - 12) {
            let angle = Math.atan2(dy, dx);
            if (angle > Math.PI / 2) angle -= Math.PI;
            if (angle < -Math.PI / 2) angle += Math.PI;
            candidates.push({ x, y, angle, length });
          }
        }
        prev = p;
      }
    }
    candidates.sort((a, b) => b.length - a.length);
    const mine: { x: number; y: number }[] = [];
    const half = textWidth / 2 + style.haloWidth;
    for (const c of candidates) {
      if (mine.length >= 3) break;
      if (mine.some((m) => Math.hypot(m.x - c.x, m.y - c.y) < 320)) continue;
      const ex = Math.abs(Math.cos(c.angle)) * half + Math.abs(Math.sin(c.angle)) * 8;
      const ey = Math.abs(Math.sin(c.angle)) * half + Math.abs(Math.cos(c.angle)) * 8;
      const box = { x0: c.x - ex, y0: c.y - ey, x1: c.x + ex, y1: c.y + ey };
      if (placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      mine.push(c);
      ctx.save();
      ctx.translate(c.x, c.y);
      ctx.rotate(c.angle);
      this.drawText(ctx, style, label.text);
      ctx.restore();
    }
  }
}
