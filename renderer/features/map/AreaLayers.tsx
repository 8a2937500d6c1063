import { useEffect, useMemo } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapArea, MapGrid, Ring } from '../../../electron/api';
import { stickyCanvas } from './sticky-canvas';
import { PANES } from './panes';

const toLatLngs = (rings: Ring[]): L.LatLngExpression[][] => rings.map((ring) => ring.map(([lng, lat]) => [lat, lng]));

/** Community boundaries (bold, with a soft halo), grid boundaries (thin, dashed), a veil outside. */
export function AreaLayers({ communities, grids }: { communities: MapArea[]; grids: MapGrid[] }) {
  const map = useMap();
  const renderers = useMemo(
    () => ({
      grids: stickyCanvas({ pane: PANES.grids.name }),
      communities: stickyCanvas({ pane: PANES.communities.name }),
      mask: stickyCanvas({ pane: PANES.mask.name }),
    }),
    [],
  );

  useEffect(() => {
    const group = L.layerGroup();
    for (const grid of grids) {
      L.polygon(toLatLngs(grid.boundary), {
        renderer: renderers.grids,
        interactive: false,
        fill: false,
        color: '#48608a',
        weight: 1,
        opacity: 0.75,
        dashArray: '5 4',
      }).addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, grids, renderers]);

  // Everything outside the street office is veiled, so its territory stands out.
  useEffect(() => {
    const first = communities[0];
    if (!first) return undefined;
    const holes = communities.map((c) => toLatLngs(c.boundary.slice(0, 1))[0] ?? []);
    const [lat, lng] = first.label;
    const world: L.LatLngExpression[] = [
      [lat - 2, lng - 2],
      [lat - 2, lng + 2],
      [lat + 2, lng + 2],
      [lat + 2, lng - 2],
    ];
    const veil = L.polygon([world, ...holes], {
      renderer: renderers.mask,
      interactive: false,
      stroke: false,
      fillColor: '#d9d3c4',
      fillOpacity: 0.45,
    }).addTo(map);
    return () => {
      veil.remove();
    };
  }, [map, communities, renderers]);

  useEffect(() => {
    const group = L.layerGroup();
    for (const community of communities) {
      const latlngs = toLatLngs(community.boundary);
      L.polygon(latlngs, {
        renderer: renderers.communities,
        interactive: false,
        fill: false,
        color: '#1d4f9c',
        weight: 7,
        opacity: 0.13,
      }).addTo(group);
      L.polygon(latlngs, {
        renderer: renderers.communities,
        interactive: false,
        fill: false,
        color: '#173f7d',
        weight: 2.2,
        opacity: 0.95,
      }).addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, communities, renderers]);

  return null;
}
