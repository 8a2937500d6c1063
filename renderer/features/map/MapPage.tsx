import { useCallback, useState } from 'react';
import { useMapLayers } from '../../api/queries';
import { LoadingState } from '../../ui/LoadingState';
import { ErrorState } from '../../ui/ErrorState';
import { useT } from '../../i18n';
import { MapCanvas, type LayerVisibility } from './MapCanvas';
import { LayerToggles } from './LayerToggles';
import { MapLegend } from './MapLegend';
import { BuildingPanel } from './BuildingPanel';
import { useStatusUpdates } from './use-status-updates';
import './map.css';

const ALL_VISIBLE: LayerVisibility = { communities: true, grids: true, buildings: true, labels: true };

/** The street map: every building by status, with layers, legend and a building panel. */
export function MapPage() {
  const t = useT();
  const layers = useMapLayers();
  const [visible, setVisible] = useState(ALL_VISIBLE);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const close = useCallback(() => setSelectedId(null), []);
  useStatusUpdates();

  const street = layers.data?.street.name;
  const empty = layers.data !== undefined && layers.data.buildings.ids.length === 0 && layers.data.communities.length === 0;

  return (
    <div className={selectedId ? 'gd-map-page gd-has-panel' : 'gd-map-page'} data-testid="page-map">
      <MapCanvas
        layers={layers.data}
        visible={visible}
        selectedId={selectedId}
        onSelect={setSelectedId}
        fitRequest={fitRequest}
      />
      <LayerToggles
        title={street ? `${street} · ${t('map.title')}` : t('map.title')}
        visible={visible}
        onChange={setVisible}
        onFit={() => setFitRequest((n) => n + 1)}
      />
      <MapLegend statuses={layers.data?.buildings.statuses} />
      {layers.isPending ? (
        <div className="gd-map-cover">
          <LoadingState text={t('map.loading')} testId="map-loading" />
        </div>
      ) : null}
      {layers.isError ? (
        <div className="gd-map-cover">
          <ErrorState error={layers.error} onRetry={() => void layers.refetch()} testId="map-error" />
        </div>
      ) : null}
      {empty ? (
        <div className="gd-overlay gd-map-empty" data-testid="map-empty">
          {t('map.empty')}
        </div>
      ) : null}
      {selectedId ? <BuildingPanel key={selectedId} id={selectedId} onClose={close} /> : null}
    </div>
  );
}
