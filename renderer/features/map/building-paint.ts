import type { Footprints } from './building-data';

/** Fill and outline of one status; statuses paint in palette order, the last on top. */
export interface StatusPaint {
  fill: string;
  stroke: string;
}

/** World to canvas pixels: x = round(worldX · scale) − ox (Leaflet rounds vertices too). */
export interface PaintView {
  scale: number;
  ox: number;
  oy: number;
}

/** A rectangle in canvas pixels. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest rectangle holding both. */
export const union = (a: PixelRect | null, b: PixelRect): PixelRect =>
  a ? { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) } : b;

const FILL_OPACITY = 0.82;
const OUTLINE_WIDTH = 0.6;
const HOVER_OUTLINE = '#0b2447';
const HOVER_WIDTH = 2;
/**
 * Buildings per path. Chromium's cost of a path grows with the square of its closed
 * subpaths, so one path for thousands is slow; a few hundred paths of this many are not.
 */
const CHUNK = 64;
/** Beyond a rectangle, a building can still reach into it by half its outline (and rounding). */
const MARGIN = 2;

/** Adds building i's closed outline to the current path (repeated pixels skipped). */
function trace(ctx: CanvasRenderingContext2D, f: Footprints, i: number, v: PaintView): void {
  const s = f.start[i] as number, e = f.start[i + 1] as number;
  if (e - s < 2) return;
  let px = Math.round((f.xy[2 * s] as number) * v.scale) - v.ox;
  let py = Math.round((f.xy[2 * s + 1] as number) * v.scale) - v.oy;
  ctx.moveTo(px, py);
  for (let k = s + 1; k < e; k++) {
    const x = Math.round((f.xy[2 * k] as number) * v.scale) - v.ox;
    const y = Math.round((f.xy[2 * k + 1] as number) * v.scale) - v.oy;
    if (x === px && y === py) continue;
    ctx.lineTo(x, y);
    px = x;
    py = y;
  }
  ctx.closePath();
}

/** Building i's bounding box in canvas pixels (before the outline's width). */
export function pixelBox(f: Footprints, i: number, v: PaintView): PixelRect {
  return {
    x0: Math.round((f.box[4 * i] as number) * v.scale) - v.ox,
    y0: Math.round((f.box[4 * i + 1] as number) * v.scale) - v.oy,
    x1: Math.round((f.box[4 * i + 2] as number) * v.scale) - v.ox,
    y1: Math.round((f.box[4 * i + 3] as number) * v.scale) - v.oy,
  };
}

/**
 * Paints the buildings that reach into `area` (canvas pixels), colour by colour, many
 * buildings per path: one fill and one stroke per path, not per building. `scratch` holds
 * at least `f.count` indices. The caller clears (and clips) the area first.
 */
export function paintBuildings(
  ctx: CanvasRenderingContext2D,
  f: Footprints,
  status: Uint8Array,
  palette: readonly StatusPaint[],
  v: PaintView,
  area: PixelRect,
  scratch: Uint32Array,
): number {
  const wx0 = (area.x0 - MARGIN + v.ox) / v.scale, wx1 = (area.x1 + MARGIN + v.ox) / v.scale;
  const wy0 = (area.y0 - MARGIN + v.oy) / v.scale, wy1 = (area.y1 + MARGIN + v.oy) / v.scale;
  const box = f.box;
  let n = 0;
  for (let i = 0, b = 0; i < f.count; i++, b += 4) {
    if ((box[b] as number) > wx1 || (box[b + 2] as number) < wx0 || (box[b + 1] as number) > wy1 || (box[b + 3] as number) < wy0) continue;
    scratch[n++] = i;
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = OUTLINE_WIDTH;
  for (let code = 0; code < palette.length; code++) {
    const paint = palette[code] as StatusPaint;
    ctx.fillStyle = paint.fill;
    ctx.strokeStyle = paint.stroke;
    let inPath = 0;
    ctx.beginPath();
    for (let k = 0; k < n; k++) {
      const i = scratch[k] as number;
      if (status[i] !== code) continue;
      trace(ctx, f, i, v);
      if (++inPath === CHUNK) {
        fillStroke(ctx);
        ctx.beginPath();
        inPath = 0;
      }
    }
    if (inPath > 0) fillStroke(ctx);
  }
  return n;
}

const SELECTED_OUTLINE = '#1f5fbf';
const SELECTED_HALO = '#ffffff';

/**
 * Outlines the selected ones among the `n` buildings listed in `scratch` (what
 * `paintBuildings` just painted): a white halo under a blue line, one path for all.
 */
export function paintSelected(ctx: CanvasRenderingContext2D, f: Footprints, selected: Uint8Array, v: PaintView, scratch: Uint32Array, n: number): void {
  ctx.beginPath();
  let any = false;
  for (let k = 0; k < n; k++) {
    const i = scratch[k] as number;
    if (selected[i] !== 1) continue;
    trace(ctx, f, i, v);
    any = true;
  }
  if (!any) return;
  ctx.globalAlpha = 1;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4;
  ctx.strokeStyle = SELECTED_HALO;
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = SELECTED_OUTLINE;
  ctx.stroke();
  ctx.lineWidth = OUTLINE_WIDTH;
}

function fillStroke(ctx: CanvasRenderingContext2D): void {
  ctx.globalAlpha = FILL_OPACITY;
  ctx.fill('nonzero');
  ctx.globalAlpha = 1;
  ctx.stroke();
}

/** The building under the pointer: opaque fill, dark heavy outline. */
export function paintHovered(ctx: CanvasRenderingContext2D, f: Footprints, i: number, paint: StatusPaint, v: PaintView): void {
  ctx.beginPath();
  trace(ctx, f, i, v);
  ctx.globalAlpha = 1;
  ctx.fillStyle = paint.fill;
  ctx.fill('nonzero');
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = HOVER_WIDTH;
  ctx.strokeStyle = HOVER_OUTLINE;
  ctx.stroke();
}
