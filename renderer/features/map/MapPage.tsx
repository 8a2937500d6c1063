import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button } from 'antd';
import type { BuildingDetail, StatusChangeResult } from '../../../electron/api';
import { useApiQuery, useMapLayers } from '../../api/queries';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useCan } from '../auth/session';
import { LoadingState } from '../../ui/LoadingState';
import { ErrorState } from '../../ui/ErrorState';
import { useT } from '../../i18n';
import { MapCanvas, type LayerVisibility } from './MapCanvas';
import { LayerToggles } from './LayerToggles';
import { MapLegend } from './MapLegend';
import { ScreeningLegend } from './ScreeningLegend';
import { BuildingPanel } from './BuildingPanel';
import { MapToolbar } from './MapToolbar';
import { AsOfBanner } from './AsOfControl';
import { StatusChangeModal } from './StatusChangeModal';
import type { AreaKind } from './BuildingActions';
import type { BuildingLayer } from './building-layer';
import type { SelectMode } from './SelectionTool';
import { screeningColouring, statusColouring } from './colouring';
import { targetIds, type StatusTarget } from './status-target';
import { setTestSelection } from './test-hook';
import { useStatusStyles } from './use-status-styles';
import { useStatusUpdates } from './use-status-updates';
import { useStatusRefresh } from './use-status-refresh';
import { useUndoBatch } from './use-undo-batch';
import { formatDateTime } from '../../i18n/format';
import './map.css';

const ALL_VISIBLE: LayerVisibility = { communities: true, grids: true, buildings: true, labels: true, safe: false };
type Selected = Exclude<StatusTarget, { kind: 'single' }>;
const NONE: ReadonlySet<string> = new Set();

/** The street map: every building by status, selection and bulk changes, history, flags and screening progress. */
export function MapPage() {
  const t = useT();
  const { message } = App.useApp();
  const canEdit = useCan()('buildings.edit');
  const layers = useMapLayers();
  const styles = useStatusStyles();
  const refresh = useStatusRefresh();
  const undo = useUndoBatch();
  const [visible, setVisible] = useState(ALL_VISIBLE);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const [mode, setMode] = useState<SelectMode>('click');
  const [selection, setSelection] = useState<Selected | null>(null);
  const [editing, setEditing] = useState<StatusTarget | null>(null);
  const [asOf, setAsOfState] = useState<number | null>(null);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [layer, setLayer] = useState<BuildingLayer | null>(null);
  const close = useCallback(() => setSelectedId(null), []);
  useStatusUpdates();

  const asOfQuery = useApiQuery('map.statusAsOf', { at: asOf ?? 0 }, { enabled: asOf !== null });
  const progress = useApiQuery('screening.progress', { roundId: roundId ?? '' }, { enabled: roundId !== null });
  const safe = useApiQuery('compounds.safeList', {}, { enabled: visible.safe, staleTime: 60_000 });

  const buildings = layers.data?.buildings;
  const count = buildings?.ids.length ?? 0;
  const pastStatuses = asOf !== null && asOfQuery.data?.statuses.length === count ? asOfQuery.data.statuses : null;
  const shownStatuses = pastStatuses ?? buildings?.statuses;
  const shares = roundId !== null && progress.data?.buildingShare.length === count ? progress.data.buildingShare : null;
  const colouring = useMemo(() => {
    if (!shownStatuses) return null;
    return shares ? screeningColouring(shares, count) : statusColouring(shownStatuses, styles.list);
  }, [shownStatuses, shares, count, styles.list]);

  const indexOf = useMemo(() => new Map((buildings?.ids ?? []).map((id, i) => [id, i])), [buildings?.ids]);
  const currentStatuses = buildings?.statuses;
  const statusOf = useCallback((id: string) => {
    const i = indexOf.get(id);
    return i === undefined ? undefined : currentStatuses?.[i];
  }, [indexOf, currentStatuses]);

  const picked = useMemo(() => {
    const ids = selection ? targetIds(selection) : null;
    return ids ? new Set(ids) : NONE;
  }, [selection]);
  const pickedRef = useRef(picked);
  useEffect(() => {
    pickedRef.current = picked;
  }, [picked]);
  useEffect(() => setTestSelection(() => [...pickedRef.current]), []);

  const setAsOf = (at: number | null) => {
    setAsOfState(at);
    if (at !== null) {
      setSelection(null);
      setMode('click');
      setEditing(null);
    }
  };

  const onPicked = useCallback(
    (ids: string[], add: boolean) => {
      setSelection((prev) => {
        const merged = add && prev?.kind === 'buildings' ? [...new Set([...prev.ids, ...ids])] : ids;
        if (merged.length === 0) return null;
        return { kind: 'buildings', ids: merged, label: t(mode === 'rect' ? 'map.selection.rect' : 'map.selection.lasso') };
      });
    },
    [mode, t],
  );

  const onSelectArea = (kind: AreaKind, b: BuildingDetail) => {
    const data = layers.data;
    let ids: string[] | null = null;
    if (layer && data && kind !== 'compound') {
      const area = kind === 'grid' ? data.grids.find((g) => g.id === b.grid.id) : data.communities.find((c) => c.id === b.community.id);
      const ring = area?.boundary[0];
      if (ring) ids = layer.idsInRing(ring);
    }
    const id = kind === 'grid' ? b.grid.id : kind === 'compound' ? b.compound.id : b.community.id;
    const name = kind === 'grid' ? b.grid.name : kind === 'compound' ? b.compound.name : b.community.name;
    setSelection({ kind, id, ids, label: t(`map.selection.${kind}`, { name }) });
  };

  const onDone = (result: StatusChangeResult, target: StatusTarget) => {
    setEditing(null);
    if (target.kind !== 'single') {
      setSelection(null);
      setMode('click');
    }
    refresh();
    void message.success({
      key: 'status-done',
      duration: 8,
      content: (
        <span data-testid="bulk-done">
          {t(result.unchanged > 0 ? 'map.bulk.doneUnchanged' : 'map.bulk.done', { changed: result.changed, unchanged: result.unchanged })}
          <Button
            size="small"
            type="link"
            data-testid="bulk-done-undo"
            onClick={() => {
              message.destroy('status-done');
              void undo.mutateAsync({ batchId: result.batchId }).catch(() => undefined);
            }}
          >
            {t('map.undo.short')}
          </Button>
        </span>
      ),
    });
  };

  // A link to a building (reminders): open its panel and bring it into view.
  const wanted = useHashLocation().query.get('building');
  useEffect(() => {
    if (!wanted || !layer || !buildings) return;
    setSelectedId(wanted);
    layer.focus(wanted);
    replaceHash('map');
  }, [wanted, layer, buildings]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || editing) return;
      setSelection(null);
      setSelectedId(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);

  const street = layers.data?.street.name;
  const empty = layers.data !== undefined && count === 0 && layers.data.communities.length === 0;
  const chip = selection ? { label: selection.label, count: targetIds(selection)?.length ?? null } : null;

  return (
    <div className={selectedId ? 'gd-map-page gd-has-panel' : 'gd-map-page'} data-testid="page-map" data-mode={mode} data-asof={asOf ?? ''}>
      <MapCanvas
        layers={layers.data}
        colouring={colouring}
        visible={visible}
        selectedId={selectedId}
        picked={picked}
        onSelect={(id) => {
          if (mode === 'click') setSelectedId(id);
        }}
        onLayer={setLayer}
        layer={layer}
        mode={mode}
        onPicked={onPicked}
        safeCompounds={safe.data}
        fitRequest={fitRequest}
      />
      <div className="gd-map-top">
        <LayerToggles
          title={street ? `${street} · ${t('map.title')}` : t('map.title')}
          visible={visible}
          onChange={setVisible}
          onFit={() => setFitRequest((n) => n + 1)}
          screeningRound={roundId}
          onScreeningRound={setRoundId}
        />
        <MapToolbar
          canEdit={canEdit}
          mode={mode}
          onMode={setMode}
          selection={chip}
          onClear={() => setSelection(null)}
          onBulk={() => selection && setEditing(selection)}
          asOf={asOf}
          onAsOf={setAsOf}
        />
      </div>
      {asOf !== null ? <AsOfBanner at={asOf} loading={asOfQuery.isPending} error={asOfQuery.error} onBack={() => setAsOf(null)} /> : null}
      {roundId !== null ? (
        <ScreeningLegend progress={progress.data} />
      ) : (
        <MapLegend statuses={shownStatuses} note={pastStatuses && asOf !== null ? t('map.asof.legend', { date: formatDateTime(asOf) }) : null} />
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
          past={asOf !== null}
          onChangeStatus={(b) => setEditing({ kind: 'single', id: b.id, label: b.address })}
          onSelectArea={onSelectArea}
        />
      ) : null}
      {editing ? <StatusChangeModal target={editing} statusOf={statusOf} onClose={() => setEditing(null)} onDone={onDone} /> : null}
    </div>
  );
}
