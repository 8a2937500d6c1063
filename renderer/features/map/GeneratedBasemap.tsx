import { useEffect, useMemo } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { stickyCanvas } from './sticky-canvas';
import { PANES } from './panes';
import { loadBasemap, roadClass, type RoadClass } from './basemap-data';

/** Real-world road widths in metres, and the least they may shrink to on screen. */
const ROAD_WIDTH: Record<RoadClass, { metres: number; minPx: number; maxPx: number }> = {
  arterial: { metres: 24, minPx: 2.5, maxPx: 44 },
  local: { metres: 10, minPx: 1, maxPx: 22 },
};

function roadPx(map: L.Map, cls: RoadClass): number {
  const lat = map.getCenter().lat;
  const metresPerPx = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / 2 ** (map.getZoom() + 8);
  const w = ROAD_WIDTH[cls];
  return Math.min(w.maxPx, Math.max(w.minPx, w.metres / metresPerPx));
}

/**
 * The generated basemap (the demo street's) on its own canvas under everything: green space,
 * water, then roads drawn as a casing and a fill whose widths follow the zoom.
 */
export function GeneratedBasemap() {
  const map = useMap();
  const renderer = useMemo(() => stickyCanvas({ pane: PANES.basemap.name }), []);

  useEffect(() => {
    const base = loadBasemap();
    const common = { renderer, interactive: false, pane: PANES.basemap.name } as const;
    const green = L.geoJSON(base.green, {
      ...common,
      style: { stroke: false, fillColor: '#d5e8c8', fillOpacity: 1 },
    });
    const water = L.geoJSON(base.water, {
      ...common,
      style: { color: '#9ec5df', weight: 1, fillColor: '#b8d8ec', fillOpacity: 1 },
    });
    const casing = L.geoJSON(base.roads, { ...common });
    const fill = L.geoJSON(base.roads, { ...common });
    const restyle = () => {
      const width = { arterial: roadPx(map, 'arterial'), local: roadPx(map, 'local') };
      casing.setStyle((f) => {
        const cls = roadClass(f);
        return { color: cls === 'arterial' ? '#d2c3a5' : '#ddd3c2', weight: width[cls] + (cls === 'arterial' ? 2 : 1.5), opacity: 1, lineCap: 'round', lineJoin: 'round' };
      });
      fill.setStyle((f) => {
        const cls = roadClass(f);
        return { color: cls === 'arterial' ? '#fff6dc' : '#ffffff', weight: width[cls], opacity: 1, lineCap: 'round', lineJoin: 'round' };
      });
    };
    restyle();
    const group = L.layerGroup([green, water, casing, fill]).addTo(map);
    map.on('zoomend', restyle);
    return () => {
      map.off('zoomend', restyle);
      group.remove();
    };
  }, [map, renderer]);

  return null;
}
