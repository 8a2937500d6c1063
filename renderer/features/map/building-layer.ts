import L from 'leaflet';
import type { ControlStatus, MapBuildings } from '../../../electron/api';
import { statusColor } from '../../../maps/status';
import { BuildingCanvas } from './building-canvas';
import { prepareFootprints } from './building-data';
import type { StatusPaint } from './building-paint';
import { footprintLatLngs, interiorPoint, shade, type LatLngPair } from './geometry';

/** Paint order: the more severe on top where footprints touch. */
const PAINT_ORDER: readonly ControlStatus[] = ['normal', 'precaution', 'controlled', 'sealed'];
const CODE = new Map<string, number>(PAINT_ORDER.map((s, i) => [s, i]));
const PALETTE: readonly StatusPaint[] = PAINT_ORDER.map((s) => ({ fill: statusColor(s), stroke: shade(statusColor(s), -0.35) }));
const codeOf = (status: ControlStatus | undefined): number => CODE.get(status ?? 'normal') ?? 0;

function sameColumns(a: MapBuildings, b: MapBuildings): boolean {
  if (a.ids === b.ids && a.footprints === b.footprints) return true;
  if (a.ids.length !== b.ids.length) return false;
  for (let i = 0; i < a.ids.length; i++) {
    if (a.ids[i] !== b.ids[i]) return false;
    const fa = a.footprints[i] as number[], fb = b.footprints[i] as number[];
    if (fa === fb) continue;
    if (fa.length !== fb.length) return false;
    for (let k = 0; k < fa.length; k++) if (fa[k] !== fb[k]) return false;
  }
  return true;
}

/**
 * Every building, coloured by status, drawn by one canvas layer (no Leaflet layer, DOM node
 * or React component per building). Status changes repaint only around the changed ones.
 */
export class BuildingLayer {
  readonly layer: BuildingCanvas;
  private data: MapBuildings | null = null;
  private status: Uint8Array = new Uint8Array(0);
  /** Id to position, built when first asked (selection, tests), not before the first paint. */
  private index: Map<string, number> | null = null;

  constructor(onSelect: (id: string) => void) {
    this.layer = new BuildingCanvas(PALETTE, (i) => {
      const id = this.data?.ids[i];
      if (id) onSelect(id);
    });
  }

  get count(): number {
    return this.data?.ids.length ?? 0;
  }

  ids(): string[] {
    return this.data ? [...this.data.ids] : [];
  }

  /** Draws the buildings; when only statuses changed, recolours those and nothing else. */
  setData(next: MapBuildings): { rebuilt: boolean; recoloured: number } {
    const prev = this.data;
    if (prev && sameColumns(prev, next)) {
      const changed: number[] = [];
      for (let i = 0; i < next.statuses.length; i++) {
        const code = codeOf(next.statuses[i]);
        if (code !== this.status[i]) {
          this.status[i] = code;
          changed.push(i);
        }
      }
      this.data = next;
      this.layer.restyle(changed);
      return { rebuilt: false, recoloured: changed.length };
    }
    const n = next.ids.length;
    this.index = null;
    this.status = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.status[i] = codeOf(next.statuses[i]);
    this.data = next;
    this.layer.setBuildings(prepareFootprints(next.footprints, n), this.status);
    return { rebuilt: true, recoloured: 0 };
  }

  /** Calls `done` right after the buildings have next been painted in full. */
  whenPainted(done: () => void): void {
    this.layer.whenPainted(done);
  }

  has(id: string): boolean {
    return this.position(id) !== undefined;
  }

  private position(id: string): number | undefined {
    if (!this.index) {
      const ids = this.data?.ids ?? [];
      this.index = new Map();
      for (let i = 0; i < ids.length; i++) this.index.set(ids[i] as string, i);
    }
    return this.index.get(id);
  }

  /** The footprint of one building as [lat, lng] pairs. */
  ring(id: string): LatLngPair[] | null {
    const i = this.position(id);
    if (i === undefined || !this.data) return null;
    return footprintLatLngs(this.data.footprints[i] ?? []);
  }

  /** A point inside the footprint (for labels, selection and tests). */
  insidePoint(id: string): L.LatLng | null {
    const ring = this.ring(id);
    const p = ring ? interiorPoint(ring) : null;
    return p ? L.latLng(p[0], p[1]) : null;
  }

  bounds(id: string): L.LatLngBounds | null {
    const ring = this.ring(id);
    return ring && ring.length > 0 ? L.latLngBounds(ring) : null;
  }
}
