import { useCallback, useEffect, useState } from 'react';
import type { LatLngBounds, StatusChangeResult } from '../../../electron/api';
import { useApiQuery, useMapLayers } from '../../api/queries';
import { openStartupGate } from '../../api/startup-gate';
import { useCan } from '../auth/session';
import { LoadingState } from '../../ui/LoadingState';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n';
import { StatusChangeModal } from '../statuses/StatusChangeModal';
import { targetIds, type StatusTarget } from '../statuses/status-target';
import { useStatusDoneNotice } from '../statuses/use-done-notice';
import { MapCanvas, type LayerVisibility } from './MapCanvas';
import { LayerToggles } from './LayerToggles';
import { LateRequestsLayer } from './LateRequestsLayer';
import { PostsMapLayer } from '../staffing/PostsMapLayer';
import { MapLegend } from './MapLegend';
import { ScreeningLegend } from './ScreeningLegend';
import { BuildingPanel } from './BuildingPanel';
import { MapToolbar } from './MapToolbar';
import { AsOfBanner } from './AsOfControl';
import type { BuildingLayer } from './building-layer';
import { useCurrentStatus, useMapColouring } from './use-map-colouring';
import { useMapLinks } from './use-map-links';
import { useMapSelection } from './use-map-selection';
import { useMapSync } from './use-map-sync';
import './map.css';

const ALL_VISIBLE: LayerVisibility = { communities: true, grids: true, buildings: true, labels: true, safe: false, posts: false };

/** The street map: every building by status, selection and bulk changes, history, flags and screening progress. */
export function MapPage() {
  const t = useT();
  const canEdit = useCan()('buildings.edit');
  const layers = useMapLayers();
  const notice = useStatusDoneNotice();
  const [visible, setVisible] = useState(ALL_VISIBLE);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const [fitTo, setFitTo] = useState<LatLngBounds | null>(null);
  const fitArea = useCallback((bounds: LatLngBounds) => {
    setFitTo(bounds);
    setFitRequest((n) => n + 1);
  }, []);
  const [asOf, setAsOfState] = useState<number | null>(null);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [layer, setLayer] = useState<BuildingLayer | null>(null);
  const close = useCallback(() => setSelectedId(null), []);
  useMapSync(layers.data);

  const buildings = layers.data?.buildings;
  const { colouring, shownStatuses, pastStatuses, asOfQuery, progress } = useMapColouring(buildings, asOf, roundId);
  const statusOf = useCurrentStatus(buildings);
  const sel = useMapSelection(layer, layers.data, close);
  const safe = useApiQuery('compounds.safeList', {}, { enabled: visible.safe, staleTime: 60_000 });
  useMapLinks({ layer, ready: buildings !== undefined, openBuilding: setSelectedId, showScreeningRound: setRoundId, fitArea });

  const setAsOf = (at: number | null) => {
    setAsOfState(at);
    if (at !== null) sel.reset();
  };

  const onDone = (result: StatusChangeResult, target: StatusTarget) => {
    if (target.kind === 'single') sel.setEditing(null);
    else sel.reset();
    notice(result);
  };

  const street = layers.data?.street.name;
  const empty = layers.data !== undefined && (buildings?.ids.length ?? 0) === 0 && layers.data.communities.length === 0;
  const cannotDraw = layers.isError || (layers.data !== undefined && (buildings?.ids.length ?? 0) === 0);
  useEffect(() => {
    if (cannotDraw) openStartupGate();
  }, [cannotDraw]);
  useEffect(() => openStartupGate, []);
  const chip = sel.selection ? { label: sel.selection.label, count: targetIds(sel.selection)?.length ?? null } : null;

  return (
    <div className={selectedId ? 'gd-map-page gd-has-panel' : 'gd-map-page'} data-testid="page-map" data-mode={sel.mode} data-asof={asOf ?? ''}>
      <MapCanvas
        layers={layers.data}
        colouring={colouring}
        visible={visible}
        selectedId={selectedId}
        picked={sel.picked}
        onSelect={(id) => {
          if (sel.mode === 'click') setSelectedId(id);
        }}
        onLayer={setLayer}
        layer={layer}
        mode={sel.mode}
        onPicked={sel.onPicked}
        safeCompounds={safe.data}
        fitRequest={fitRequest}
        fitTo={fitTo}
      >
        <LateRequestsLayer onOpen={setSelectedId} />
        {visible.posts ? <PostsMapLayer /> : null}
      </MapCanvas>
      <div className="gd-map-top">
        <LayerToggles
          title={street ? `${street} · ${t('map.title')}` : t('map.title')}
          visible={visible}
          onChange={setVisible}
          onFit={() => {
            setFitTo(null);
            setFitRequest((n) => n + 1);
          }}
          screeningRound={roundId}
          onScreeningRound={setRoundId}
        />
        <MapToolbar
          canEdit={canEdit}
          mode={sel.mode}
          onMode={sel.setMode}
          selection={chip}
          onClear={() => sel.setSelection(null)}
          onBulk={() => sel.selection && sel.setEditing(sel.selection)}
          asOf={asOf}
          onAsOf={setAsOf}
        />
      </div>
      {asOf !== null ? <AsOfBanner at={asOf} loading={asOfQuery.isPending} error={asOfQuery.error} onBack={() => setAsOf(null)} /> : null}
      {roundId !== null ? (
        <ScreeningLegend progress={progress.data} />
      ) : (
        <MapLegend
          statuses={shownStatuses}
          note={pastStatuses && asOf !== null ? t('map.asof.legend', { date: formatDateTime(asOf) }) : null}
          safeCount={visible.safe ? (safe.data?.length ?? null) : undefined}
        />
      )}
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
      {selectedId ? (
        <BuildingPanel
          key={selectedId}
          id={selectedId}
          onClose={close}
          canEdit={canEdit}
          asOf={asOf}
          onChangeStatus={(b) => sel.setEditing({ kind: 'single', id: b.id, label: b.address })}
          onSelectArea={sel.selectArea}
        />
      ) : null}
      {sel.editing ? <StatusChangeModal target={sel.editing} statusOf={statusOf} onClose={() => sel.setEditing(null)} onDone={onDone} /> : null}
    </div>
  );
}
