import { useEffect, useRef } from 'react';
import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { useMap } from 'react-leaflet';
import type { MapLayers } from '../../../electron/api';

declare global {
  interface Window {
    /** Test builds only: the page point of a [lat, lng] on the grid editor's map. */
    __gridDeskGridEditor?: { pointOf(lat: number, lng: number): { x: number; y: number }; setView(lat: number, lng: number, zoom: number): void };
  }
}

type Grid = MapLayers['grids'][number];
export type Ring = [number, number][];

/** Where the editor's map is: what is selected, and what is being edited (its layer is kept in `editing`). */
export interface EditLayersProps {
  grids: Grid[];
  buildings: MapLayers['buildings'];
  gridId: string | null;
  mergeId: string | null;
  buildingId: string | null;
  editingGrid: boolean;
  editingBuilding: boolean;
  editing: React.MutableRefObject<L.Polygon | null>;
  onLine(line: Ring | null): void;
  onPolygon(ring: Ring | null): void;
  onPickBuilding(id: string): void;
  /** A new value removes what was drawn with the toolbar (after it was used or given up). */
  drawnReset: number;
}

/** More footprints than this in view are not drawn (zoom in to edit them). */
const MAX_BUILDINGS = 1500;

const toLatLngs = (ring: number[][]) => ring.map(([lng, lat]) => [lat!, lng!] as [number, number]);
const footprintLatLngs = (flat: number[]) => {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i + 1]!, flat[i]!]);
  return out;
};
/** The edited outline as [lng, lat], closed. */
export function ringOf(layer: L.Polygon): Ring {
  const latlngs = (layer.getLatLngs() as L.LatLng[][])[0]!;
  const ring = latlngs.map((p) => [p.lng, p.lat] as [number, number]);
  return [...ring, ring[0]!];
}

function useToolbar(onLine: (line: Ring | null) => void, onPolygon: (ring: Ring | null) => void) {
  const map = useMap();
  const drawn = useRef<L.Layer | null>(null);
  useEffect(() => {
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawRectangle: false,
      drawCircle: false,
      drawText: false,
      editMode: false,
      dragMode: false,
      cutPolygon: false,
      removalMode: false,
      rotateMode: false,
    });
    map.pm.setLang('zh');
    map.pm.setGlobalOptions({ snappable: true, snapDistance: 15 });
    const created: L.PM.CreateEventHandler = (e) => {
      drawn.current?.remove();
      drawn.current = e.layer;
      const points = (e.layer as L.Polyline).getLatLngs() as L.LatLng[] | L.LatLng[][];
      if (e.shape === 'Polygon') {
        onLine(null);
        onPolygon(ringOf(e.layer as L.Polygon));
      } else {
        onPolygon(null);
        onLine((points as L.LatLng[]).map((p) => [p.lng, p.lat] as [number, number]));
      }
    };
    map.on('pm:create', created);
    if (import.meta.env.MODE === 'e2e') {
      window.__gridDeskGridEditor = {
        pointOf(lat, lng) {
          const rect = map.getContainer().getBoundingClientRect();
          const p = map.latLngToContainerPoint([lat, lng]);
          return { x: Math.round(rect.left + p.x + window.scrollX), y: Math.round(rect.top + p.y + window.scrollY) };
        },
        setView(lat, lng, zoom) {
          map.setView([lat, lng], zoom, { animate: false });
        },
      };
    }
    return () => {
      map.off('pm:create', created);
      map.pm.removeControls();
    };
  }, [map, onLine, onPolygon]);
  return drawn;
}

/**
 * The editor's layers: grids (the chosen one blue, the one to merge orange; all of them snap
 * targets), the footprints in view (click one to choose it), leaflet-geoman's line and polygon
 * tools, and the outline being edited — vertices and, for a building, dragging the whole of it.
 */
export function EditLayers(props: EditLayersProps) {
  const { grids, buildings, gridId, mergeId, buildingId, editingGrid, editingBuilding, editing, onLine, onPolygon, onPickBuilding, drawnReset } = props;
  const map = useMap();
  const drawn = useToolbar(onLine, onPolygon);
  const pick = useRef(onPickBuilding);
  pick.current = onPickBuilding;

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const g of grids) {
      if (editingGrid && g.id === gridId) continue;
      const on = g.id === gridId;
      const merging = g.id === mergeId;
      L.polygon(
        g.boundary.map((ring) => toLatLngs(ring)),
        { color: on ? '#1677ff' : merging ? '#fa8c16' : '#595959', weight: on || merging ? 3 : 1, fillOpacity: on || merging ? 0.15 : 0.04, pmIgnore: true, snapIgnore: false, interactive: false },
      )
        .bindTooltip(g.name, { permanent: true, direction: 'center', className: 'gd-territory-grid-label' })
        .addTo(group);
    }
    if (editingGrid && gridId) {
      const grid = grids.find((g) => g.id === gridId);
      if (grid) {
        const layer = L.polygon(grid.boundary.map((ring) => toLatLngs(ring)), { color: '#1677ff', weight: 3, fillOpacity: 0.2 }).addTo(group);
        layer.pm.enable({ snappable: true, snapDistance: 15, allowSelfIntersection: true });
        editing.current = layer;
      }
    }
    return () => {
      if (editingGrid) editing.current = null;
      group.remove();
    };
  }, [map, grids, gridId, mergeId, editingGrid, editing]);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const draw = () => {
      group.clearLayers();
      const view = map.getBounds().pad(0.2);
      let shown = 0;
      buildings.ids.forEach((id, i) => {
        const flat = buildings.footprints[i]!;
        const selected = id === buildingId;
        if (!selected && (shown >= MAX_BUILDINGS || !view.contains([flat[1]!, flat[0]!]))) return;
        shown++;
        const layer = L.polygon(footprintLatLngs(flat), {
          color: selected ? '#cf1322' : '#8c8c8c',
          weight: selected ? 3 : 1,
          fillOpacity: selected ? 0.4 : 0.25,
          pmIgnore: !(selected && editingBuilding),
          snapIgnore: false,
          className: `gd-territory-building${selected ? ' gd-territory-building-selected' : ''}`,
        }).addTo(group);
        if (selected && editingBuilding) {
          layer.pm.enable({ snappable: true, snapDistance: 15, allowSelfIntersection: true });
          layer.pm.enableLayerDrag();
          editing.current = layer;
        } else {
          layer.on('click', () => pick.current(id));
        }
      });
    };
    draw();
    const redraw = () => {
      if (!editingBuilding) draw();
    };
    map.on('moveend', redraw);
    return () => {
      map.off('moveend', redraw);
      if (editingBuilding) editing.current = null;
      group.remove();
    };
  }, [map, buildings, buildingId, editingBuilding, editing]);

  useEffect(() => {
    drawn.current?.remove();
    drawn.current = null;
  }, [drawnReset, drawn]);

  return null;
}
