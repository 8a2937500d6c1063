import { useEffect, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { MapContainer, ScaleControl, ZoomControl, useMap } from 'react-leaflet';
import type { LatLngBounds, MapLayers, SafeCompound } from '../../../electron/api';
import { useT } from '../../i18n';
import { ensurePanes, PANES, setPaneVisible } from './panes';
import { loadBasemap } from './basemap-data';
import { BasemapLayer } from './BasemapLayer';
import { AreaLayers } from './AreaLayers';
import { BuildingsLayer } from './BuildingsLayer';
import { LabelsLayer } from './LabelsLayer';
import type { BuildingLayer } from './building-layer';
import type { Colouring } from './colouring';
import { SafeCompoundsLayer } from './SafeCompoundsLayer';
import { SelectionTool, type SelectMode } from './SelectionTool';

export interface LayerVisibility {
  communities: boolean;
  grids: boolean;
  buildings: boolean;
  labels: boolean;
  /** 放心楼院 flags. */
  safe: boolean;
  /** 值守点位, coloured by the shift under way. */
  posts?: boolean;
}

interface Props {
  layers: MapLayers | undefined;
  /** How the buildings are painted (statuses now, as of a date, or screening progress). */
  colouring: Colouring | null;
  visible: LayerVisibility;
  selectedId: string | null;
  picked: ReadonlySet<string>;
  onSelect(id: string): void;
  onLayer(layer: BuildingLayer | null): void;
  /** The buildings layer once drawn (for the selection tools). */
  layer: BuildingLayer | null;
  mode: SelectMode;
  onPicked(ids: string[], add: boolean): void;
  safeCompounds: SafeCompound[] | undefined;
  /** Increments when the user asks to see everything again, or an area (`fitTo`). */
  fitRequest: number;
  /** The area to fit at the next request instead of the whole street. */
  fitTo?: LatLngBounds | null;
  children?: ReactNode;
}

/** Creates our panes before any layer uses them, and marks the container for tests. */
function Setup({ children }: { children: ReactNode }) {
  const map = useMap();
  const [ready] = useState(() => {
    ensurePanes(map);
    const el = map.getContainer();
    el.setAttribute('data-testid', 'map');
    el.setAttribute('data-ready', 'false');
    el.setAttribute('role', 'region');
    return true;
  });
  const t = useT();
  useEffect(() => {
    map.getContainer().setAttribute('aria-label', t('map.title'));
  }, [map, t]);
  return ready ? <>{children}</> : null;
}

function Visibility({ visible }: { visible: LayerVisibility }) {
  const map = useMap();
  useEffect(() => {
    setPaneVisible(map, PANES.communities.name, visible.communities);
    setPaneVisible(map, PANES.grids.name, visible.grids);
    setPaneVisible(map, 'overlayPane', visible.buildings);
  }, [map, visible.communities, visible.grids, visible.buildings]);
  return null;
}

/** Fits the street office into view when its data first arrives, and when asked to. */
function FitBounds({ bounds, request }: { bounds: MapLayers['bounds'] | undefined; request: number }) {
  const map = useMap();
  const fittedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!bounds || fittedFor.current === request) return;
    const b = L.latLngBounds(bounds);
    if (b.isValid()) map.fitBounds(b, { padding: [24, 24], maxZoom: 18, animate: fittedFor.current !== null });
    fittedFor.current = request;
  }, [map, bounds, request]);
  return null;
}

const FALLBACK_BOUNDS = L.latLngBounds([36.05, 120.33], [36.1, 120.42]);

/** The Leaflet map: offline basemap, communities, grids, buildings and labels, all on canvas. */
export function MapCanvas(props: Props) {
  const { layers, colouring, visible, selectedId, picked, onSelect, onLayer, mode, onPicked, safeCompounds, fitRequest, fitTo, children } = props;
  const [initial] = useState(() => loadBasemap().bounds ?? FALLBACK_BOUNDS);
  return (
    <MapContainer
      className="gd-map"
      bounds={initial}
      preferCanvas
      zoomControl={false}
      attributionControl={false}
      minZoom={12}
      maxZoom={19}
      zoomSnap={0.5}
      zoomDelta={0.5}
      wheelPxPerZoomLevel={90}
      keyboard
    >
      <Setup>
        <BasemapLayer />
        <Visibility visible={visible} />
        <FitBounds bounds={layers ? (fitTo ?? layers.bounds) : undefined} request={fitRequest} />
        {layers ? (
          <>
            <AreaLayers communities={layers.communities} grids={layers.grids} />
            {colouring ? (
              <BuildingsLayer
                buildings={layers.buildings}
                colouring={colouring}
                selectedId={selectedId}
                picked={picked}
                onSelect={onSelect}
                onLayer={onLayer}
              />
            ) : null}
            <LabelsLayer communities={layers.communities} grids={layers.grids} show={visible} />
          </>
        ) : null}
        <SelectionTool mode={mode} layer={props.layer} onPicked={onPicked} />
        {visible.safe && safeCompounds ? <SafeCompoundsLayer compounds={safeCompounds} /> : null}
        <ZoomControl position="bottomright" />
        <ScaleControl position="bottomright" imperial={false} />
        {children}
      </Setup>
    </MapContainer>
  );
}
