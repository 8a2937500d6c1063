import { useEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapBuildings } from '../../../electron/api';
import { BuildingLayer } from './building-layer';
import type { Colouring } from './colouring';
import { installMapTestHook } from './test-hook';
import { stickyCanvas } from './sticky-canvas';
import { PANES } from './panes';
import { openStartupGate } from '../../api/startup-gate';

interface Props {
  buildings: MapBuildings;
  colouring: Colouring;
  selectedId: string | null;
  /** Buildings picked with the selection tools, outlined on the canvas. */
  picked: ReadonlySet<string>;
  onSelect(id: string): void;
  onLayer(layer: BuildingLayer | null): void;
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
      openStartupGate();
    }
  });
}

/** All buildings, coloured by status (or another colouring), on their own canvas; the open one outlined. */
export function BuildingsLayer({ buildings, colouring, selectedId, picked, onSelect, onLayer }: Props) {
  const map = useMap();
  const latestSelect = useRef(onSelect);
  useEffect(() => {
    latestSelect.current = onSelect;
  });
  const [layer] = useState(() => new BuildingLayer((id) => latestSelect.current(id)));
  const highlightRenderer = useMemo(() => stickyCanvas({ pane: PANES.highlight.name }), []);

  useEffect(() => {
    layer.layer.addTo(map);
    // Only a build made for the end-to-end tests (`vite build --mode e2e`) has the test hook.
    const uninstall = import.meta.env.MODE === 'e2e' ? installMapTestHook(map, layer) : undefined;
    onLayer(layer);
    return () => {
      onLayer(null);
      uninstall?.();
      layer.layer.remove();
    };
  }, [map, layer, onLayer]);

  useEffect(() => {
    const { rebuilt } = layer.setData(buildings, colouring);
    if (rebuilt) reportDrawn(map, layer);
    map.getContainer().setAttribute('data-painted-at', String(Date.now()));
  }, [map, layer, buildings, colouring]);

  useEffect(() => {
    layer.setSelected(picked);
  }, [layer, picked, buildings]);

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
