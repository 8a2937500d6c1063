import L from 'leaflet';
import type { ControlStatus, MapBuildings } from '../../../electron/api';
import { statusColor } from '../../../maps/status';
import { footprintLatLngs, interiorPoint, shade, type LatLngPair } from './geometry';

function styleFor(status: ControlStatus, hovered = false): L.PathOptions {
  const fill = statusColor(status);
  return {
    fillColor: fill,
    fillOpacity: hovered ? 1 : 0.82,
    color: hovered ? '#0b2447' : shade(fill, -0.35),
    weight: hovered ? 2 : 0.6,
    opacity: 1,
  };
}

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
 * Every building as one Leaflet polygon on the map's canvas renderer, all in one feature
 * group: no DOM node and no React component per building. Status changes restyle in place.
 */
export class BuildingLayer {
  readonly group: L.FeatureGroup;
  private data: MapBuildings | null = null;
  private polygons: L.Polygon[] = [];
  private readonly index = new Map<string, number>();
  private readonly ofPolygon = new WeakMap<L.Layer, number>();
  private hovered: L.Polygon | null = null;

  constructor(
    private readonly renderer: L.Renderer,
    onSelect: (id: string) => void,
  ) {
    this.group = L.featureGroup();
    this.group.on('click', (e) => {
      const i = this.ofPolygon.get((e as L.LeafletMouseEvent & { propagatedFrom: L.Layer }).propagatedFrom);
      const id = i === undefined ? undefined : this.data?.ids[i];
      if (id) onSelect(id);
    });
    this.group.on('mouseover', (e) => this.hover((e as L.LeafletEvent & { propagatedFrom: L.Layer }).propagatedFrom));
    this.group.on('mouseout', () => this.hover(null));
  }

  get count(): number {
    return this.polygons.length;
  }

  ids(): string[] {
    return this.data ? [...this.data.ids] : [];
  }

  /** Draws the buildings; when only statuses changed, recolours those and nothing else. */
  setData(next: MapBuildings): { rebuilt: boolean; recoloured: number } {
    const prev = this.data;
    if (prev && sameColumns(prev, next)) {
      let recoloured = 0;
      for (let i = 0; i < next.statuses.length; i++) {
        const status = next.statuses[i] as ControlStatus;
        if (status !== prev.statuses[i]) {
          this.polygons[i]?.setStyle(styleFor(status, this.polygons[i] === this.hovered));
          recoloured++;
        }
      }
      this.data = next;
      return { rebuilt: false, recoloured };
    }
    this.group.clearLayers();
    this.index.clear();
    this.hovered = null;
    const polygons: L.Polygon[] = new Array(next.ids.length);
    for (let i = 0; i < next.ids.length; i++) {
      const polygon = L.polygon(footprintLatLngs(next.footprints[i] ?? []), {
        renderer: this.renderer,
        smoothFactor: 0.5,
        bubblingMouseEvents: false,
        ...styleFor(next.statuses[i] ?? 'normal'),
      });
      polygons[i] = polygon;
      this.index.set(next.ids[i] as string, i);
      this.ofPolygon.set(polygon, i);
      this.group.addLayer(polygon);
    }
    this.polygons = polygons;
    this.data = next;
    return { rebuilt: true, recoloured: 0 };
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The footprint of one building as [lat, lng] pairs. */
  ring(id: string): LatLngPair[] | null {
    const i = this.index.get(id);
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
    const i = this.index.get(id);
    return i === undefined ? null : (this.polygons[i]?.getBounds() ?? null);
  }

  private hover(layer: L.Layer | null): void {
    if (this.hovered && this.data) {
      const i = this.ofPolygon.get(this.hovered);
      if (i !== undefined) this.hovered.setStyle(styleFor(this.data.statuses[i] ?? 'normal'));
    }
    this.hovered = null;
    const i = layer ? this.ofPolygon.get(layer) : undefined;
    if (i === undefined || !this.data) return;
    const polygon = this.polygons[i];
    if (!polygon) return;
    polygon.setStyle(styleFor(this.data.statuses[i] ?? 'normal', true));
    polygon.bringToFront();
    this.hovered = polygon;
  }
}
