import { useEffect, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { MapContainer, useMap } from 'react-leaflet';
import type { TerritoryPreview } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { BasemapLayer } from '../map/BasemapLayer';
import { ensurePanes } from '../map/panes';

const COLOURS = { create: '#1677ff', update: '#fa8c16', reject: '#f5222d' } as const;

declare global {
  interface Window {
    /** Test builds only: the preview map's features as drawn, [lat, lng] rings, for e2e checks. */
    __gridDeskTerritoryPreview?: { row: number; name: string; latlngs: [number, number][] }[];
  }
}

function Layers({ preview }: { preview: TerritoryPreview }) {
  const map = useMap();
  const layers = useApiQuery('map.layers', {});
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const g of layers.data?.grids ?? []) {
      L.polygon(g.boundary.map((ring) => ring.map(([lng, lat]) => [lat, lng] as [number, number])), { color: '#8c8c8c', weight: 1, dashArray: '4 4', fill: false, interactive: false }).addTo(group);
    }
    const drawn: NonNullable<Window['__gridDeskTerritoryPreview']> = [];
    for (const f of preview.features) {
      const latlngs = f.ring.map(([lng, lat]) => [lat!, lng!] as [number, number]);
      const colour = COLOURS[f.outcome];
      L.polygon(latlngs, { color: colour, weight: preview.layer === 'buildings' ? 1 : 2, fillColor: colour, fillOpacity: preview.layer === 'buildings' ? 0.6 : 0.12 })
        .bindTooltip(`${f.code ? `${f.code} ` : ''}${f.name}`)
        .addTo(group);
      drawn.push({ row: f.row, name: f.name, latlngs });
    }
    if (import.meta.env.MODE === 'e2e') window.__gridDeskTerritoryPreview = drawn;
    const [s, w, n, e] = preview.bounds ?? [0, 0, 0, 0];
    if (preview.bounds) map.fitBounds([[s, w], [n, e]], { padding: [24, 24] });
    return () => void group.remove();
  }, [map, preview, layers.data]);
  return null;
}

/** Creates the map's panes before the basemap draws into them. */
function Panes({ children }: { children: ReactNode }) {
  const map = useMap();
  useState(() => ensurePanes(map));
  return <>{children}</>;
}

/** The features of a preview over the basemap and the grids already in the database, before anything is written. */
export function PreviewMap({ preview }: { preview: TerritoryPreview }) {
  return (
    <div className="gd-territory-map" data-testid="territory-preview-map">
      <MapContainer center={[36.07, 120.38]} zoom={13} preferCanvas style={{ height: '100%', width: '100%' }}>
        <Panes>
          <BasemapLayer />
          <Layers preview={preview} />
        </Panes>
      </MapContainer>
    </div>
  );
}
