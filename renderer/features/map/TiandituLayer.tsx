import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { PANES } from './panes';

/** 天地图 (CGCS2000, which lines up with WGS-84 at map scale) in Web Mercator: the vector map and its Chinese labels. */
function tiandituUrl(layer: 'vec' | 'cva', tk: string): string {
  return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tk)}`;
}

/** Online 天地图 tiles with the office's key, when no offline basemap was imported. */
export function TiandituLayer({ tk }: { tk: string }) {
  const map = useMap();
  useEffect(() => {
    const common = { pane: PANES.basemap.name, subdomains: '01234567', maxNativeZoom: 18, maxZoom: 19 };
    const group = L.layerGroup([L.tileLayer(tiandituUrl('vec', tk), common), L.tileLayer(tiandituUrl('cva', tk), common)]).addTo(map);
    map.getContainer().setAttribute('data-basemap', 'tianditu');
    return () => {
      group.remove();
      map.getContainer().removeAttribute('data-basemap');
    };
  }, [map, tk]);
  return null;
}
