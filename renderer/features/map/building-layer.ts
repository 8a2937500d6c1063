import L from 'leaflet';
import type { MapBuildings } from '../../../electron/api';
import { BuildingCanvas } from './building-canvas';
import { prepareFootprints, worldX, worldY, type Footprints } from './building-data';
import { samePalette, type Colouring } from './colouring';
import { footprintLatLngs, interiorPoint, type LatLngPair } from './geometry';
import { buildingCentres, buildingsInPolygon } from './selection-geometry';

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
  private geometry: Footprints | null = null;
  private status: Uint8Array = new Uint8Array(0);
  private palette: Colouring['palette'] = [];
  /** Id to position, built when first asked (selection, tests), not before the first paint. */
  private index: Map<string, number> | null = null;

  constructor(onSelect: (id: string) => void) {
    this.layer = new BuildingCanvas([], (i) => {
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

  /**
   * Draws the buildings in the given colours. When only codes changed (same footprints, same
   * palette), recolours those buildings and nothing else.
   */
  setData(next: MapBuildings, colours: Colouring): { rebuilt: boolean; recoloured: number } {
    const prev = this.data;
    if (prev && this.geometry && sameColumns(prev, next)) {
      this.data = next;
      if (!samePalette(this.palette, colours.palette) || this.status.length !== colours.codes.length) {
        this.palette = colours.palette;
        this.status = colours.codes.slice();
        this.layer.setPalette(this.palette, this.status);
        return { rebuilt: false, recoloured: next.ids.length };
      }
      const changed: number[] = [];
      for (let i = 0; i < colours.codes.length; i++) {
        const code = colours.codes[i] as number;
        if (code !== this.status[i]) {
          this.status[i] = code;
          changed.push(i);
        }
      }
      this.layer.restyle(changed);
      return { rebuilt: false, recoloured: changed.length };
    }
    const n = next.ids.length;
    this.index = null;
    this.status = colours.codes.slice(0, n);
    if (this.status.length < n) this.status = Uint8Array.from({ length: n }, (_, i) => colours.codes[i] ?? 0);
    this.palette = colours.palette;
    this.data = next;
    this.geometry = prepareFootprints(next.footprints, n);
    this.layer.setPalette(this.palette, this.status);
    this.layer.setBuildings(this.geometry, this.status);
    return { rebuilt: true, recoloured: 0 };
  }

  /** Outlines these buildings (none for an empty set). */
  setSelected(ids: ReadonlySet<string>): void {
    if (ids.size === 0 || !this.data) return this.layer.setSelected(null);
    const flags = new Uint8Array(this.count);
    for (const id of ids) {
      const i = this.position(id);
      if (i !== undefined) flags[i] = 1;
    }
    this.layer.setSelected(flags);
  }

  /** Ids of the buildings whose middle lies inside a polygon of map container points. */
  idsInPolygon(map: L.Map, points: readonly L.Point[]): string[] {
    if (!this.geometry || !this.data) return [];
    const zoom = map.getZoom(), scale = map.options.crs!.scale(zoom), origin = map.getPixelOrigin();
    const poly = new Float64Array(2 * points.length);
    points.forEach((p, k) => {
      const layer = map.containerPointToLayerPoint(p);
      poly[2 * k] = (layer.x + origin.x) / scale;
      poly[2 * k + 1] = (layer.y + origin.y) / scale;
    });
    const ids = this.data.ids;
    return buildingsInPolygon(this.geometry, poly).map((i) => ids[i] as string);
  }

  /** Ids of the buildings whose middle lies inside a GeoJSON ring of [lng, lat]. */
  idsInRing(ring: readonly (readonly [number, number])[]): string[] {
    if (!this.geometry || !this.data) return [];
    const poly = new Float64Array(2 * ring.length);
    ring.forEach(([lng, lat], k) => {
      poly[2 * k] = worldX(lng);
      poly[2 * k + 1] = worldY(lat);
    });
    const ids = this.data.ids;
    return buildingsInPolygon(this.geometry, poly).map((i) => ids[i] as string);
  }

  /** The container point of each building's middle (tests: what a lasso should catch). */
  centrePoint(map: L.Map, id: string): L.Point | null {
    const i = this.position(id);
    if (i === undefined || !this.geometry) return null;
    const c = buildingCentres(this.geometry);
    const scale = map.options.crs!.scale(map.getZoom()), origin = map.getPixelOrigin();
    const layer = L.point((c[2 * i] as number) * scale - origin.x, (c[2 * i + 1] as number) * scale - origin.y);
    return map.layerPointToContainerPoint(layer);
  }

  /** Brings a building into view (close enough to see it) and returns whether it exists. */
  focus(id: string): boolean {
    const map = this.layer.onMap, target = this.insidePoint(id);
    if (!map || !target) return false;
    map.setView(target, Math.max(map.getZoom(), 17), { animate: false });
    return true;
  }

  /** Calls `done` right after the buildings have next been painted in full. */
  whenPainted(done: () => void): void {
    this.layer.whenPainted(done);
  }

  has(id: string): boolean {
    return this.position(id) !== undefined;
  }

  position(id: string): number | undefined {
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
