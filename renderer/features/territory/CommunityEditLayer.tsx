import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapArea } from '../../../electron/api';

const toLatLngs = (ring: number[][]) => ring.map(([lng, lat]) => [lat!, lng!] as [number, number]);

interface Props {
  communities: MapArea[];
  communityId: string | null;
  editing: boolean;
  /** The outline being edited, for the save button to read. */
  layer: React.MutableRefObject<L.Polygon | null>;
}

/**
 * The communities on the editor's map: dashed outlines (snap targets), the chosen one in purple,
 * and while it is edited its outline with leaflet-geoman's vertex handles.
 */
export function CommunityEditLayer({ communities, communityId, editing, layer }: Props) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const c of communities) {
      if (editing && c.id === communityId) continue;
      const on = c.id === communityId;
      L.polygon(
        c.boundary.map((ring) => toLatLngs(ring)),
        { color: on ? '#722ed1' : '#8c8c8c', weight: on ? 3 : 2, dashArray: '6 4', fill: false, pmIgnore: true, snapIgnore: false, interactive: false },
      ).addTo(group);
    }
    const chosen = editing ? communities.find((c) => c.id === communityId) : undefined;
    if (chosen) {
      const edited = L.polygon(chosen.boundary.map((ring) => toLatLngs(ring)), { color: '#722ed1', weight: 3, fillOpacity: 0.1, className: 'gd-territory-community-editing' }).addTo(group);
      edited.pm.enable({ snappable: true, snapDistance: 15, allowSelfIntersection: true });
      layer.current = edited;
    }
    return () => {
      if (chosen) layer.current = null;
      group.remove();
    };
  }, [map, communities, communityId, editing, layer]);
  return null;
}
