import { useEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapBuildings } from '../../../electron/api';
import { BuildingLayer } from './building-layer';
import { installMapTestHook } from './test-hook';
import { stickyCanvas } from './sticky-canvas';
import { PANES } from './panes';

interface Props {
  buildings: MapBuildings;
  selectedId: string | null;
  onSelect(id: string): void;
}

let firstPaintMarked = false;

/** Marks the container once the buildings have painted: data-ready, count, performance mark. */
function reportDrawn(map: L.Map, layer: BuildingLayer): void {
  const el = map.getContainer();
  el.setAttribute('data-ready', 'false');
  const count = layer.count;
  layer.whenPainted(() => {
    el.setAttribute('data-building-count', String(count));
    el.setAttribute('data-ready', 'true');
    if (!firstPaintMarked) {
      firstPaintMarked = true;
      performance.mark('griddesk:map-ready');
    }
  });
}

/** All buildings, coloured by status, on their own canvas; the selected one outlined. */
export function BuildingsLayer({ buildings, selectedId, onSelect }: Props) {
  const map = useMap();
  const latestSelect = useRef(onSelect);
  useEffect(() => {
    latestSelect.current = onSelect;
  });
  const [layer] = useState(() => new BuildingLayer((id) => latestSelect.current(id)));
  const highlightRenderer = useMemo(() => stickyCanvas({ pane: PANES.highlight.name }), []);

  useEffect(() => {
    layer.layer.addTo(map);
    const uninstall = installMapTestHook(map, layer);
    return () => {
      uninstall();
      layer.layer.remove();
    };
  }, [map, layer]);

  useEffect(() => {
    const { rebuilt } = layer.setData(buildings);
    if (rebuilt) reportDrawn(map, layer);
  }, [map, layer, buildings]);

  useEffect(() => {
    const ring = selectedId ? layer.ring(selectedId) : null;
    if (!ring || ring.length < 3) return undefined;
    const common = { renderer: highlightRenderer, interactive: false, fill: false } as const;
    const group = L.layerGroup([
      L.polygon(ring, { ...common, color: '#ffffff', weight: 6, opacity: 0.95 }),
      L.polygon(ring, { ...common, color: '#1f5fbf', weight: 3, opacity: 1 }),
    ]).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, layer, selectedId, buildings, highlightRenderer]);

  return null;
}
