import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { PANES } from './panes';

/**
 * Online 天地图 tiles (CGCS2000, which lines up with WGS-84 at map scale, in Web Mercator): the
 * vector map and its Chinese labels, fetched by the app's own server with the office's key.
 */
export function TiandituLayer() {
  const map = useMap();
  useEffect(() => {
    const common = { pane: PANES.basemap.name, maxNativeZoom: 18, maxZoom: 19 };
    const group = L.layerGroup([L.tileLayer('/api/basemap/tianditu/vec/{z}/{x}/{y}', common), L.tileLayer('/api/basemap/tianditu/cva/{z}/{x}/{y}', common)]).addTo(map);
    map.getContainer().setAttribute('data-basemap', 'tianditu');
    return () => {
      group.remove();
      map.getContainer().removeAttribute('data-basemap');
    };
  }, [map]);
  return null;
}
