import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { PMTiles, leafletRasterLayer } from 'pmtiles';
import { leafletLayer } from 'protomaps-leaflet';
import type { ImportedBasemap } from '../../../electron/api';
import { PANES } from './panes';

/** The deepest zoom the map offers; tiles past the file's own deepest level are enlarged. */
const MAP_MAX_ZOOM = 19;

function layerFor(basemap: ImportedBasemap): L.Layer {
  const common = { pane: PANES.basemap.name, minZoom: 0, maxZoom: MAP_MAX_ZOOM, maxNativeZoom: basemap.maxZoom, className: 'gd-basemap-tiles' };
  if (basemap.kind === 'mbtiles') return L.tileLayer(`${basemap.url}/{z}/{x}/{y}`, { ...common, minNativeZoom: basemap.minZoom });
  if (basemap.format !== 'mvt') return leafletRasterLayer(new PMTiles(basemap.url), common) as L.Layer;
  // Vector tiles drawn in the browser with the Protomaps basemap styles, labels in Chinese.
  return leafletLayer({ ...common, url: basemap.url, flavor: 'light', lang: 'zh-Hans', maxDataZoom: basemap.maxZoom }) as unknown as L.Layer;
}

/** The office's imported offline basemap, in the basemap pane under the street's boundaries. */
export function ImportedBasemapLayer({ basemap }: { basemap: ImportedBasemap }) {
  const map = useMap();
  useEffect(() => {
    const layer = layerFor(basemap).addTo(map);
    const el = map.getContainer();
    el.setAttribute('data-basemap', `${basemap.kind}-${basemap.format}`);
    return () => {
      layer.remove();
      el.removeAttribute('data-basemap');
    };
  }, [map, basemap]);
  return null;
}
