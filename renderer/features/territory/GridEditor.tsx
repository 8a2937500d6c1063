import { useCallback, useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import { App, Button, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { MapContainer, useMap } from 'react-leaflet';
import type { CommunityReshaped, GridReshaped, MapLayers } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { BuildingPanel } from './BuildingPanel';
import { CommunityBoundaryBar } from './CommunityBoundaryBar';
import { CommunityEditLayer } from './CommunityEditLayer';
import { EditLayers, ringOf, type Ring } from './EditLayers';
import { NewBuildingForm } from './NewBuildingForm';
import { UndoBar } from './UndoBar';

type Grid = MapLayers['grids'][number];

function FitGrids({ grids }: { grids: Grid[] }) {
  const map = useMap();
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || grids.length === 0) return;
    fitted.current = true;
    map.fitBounds(L.latLngBounds(grids.flatMap((g) => g.boundary[0]!.map(([lng, lat]) => [lat, lng] as [number, number]))), { padding: [16, 16] });
  }, [map, grids]);
  return null;
}

/**
 * 在地图上修正网格: split a grid along a drawn line, merge a neighbour into it, edit its boundary
 * (shared corners move the neighbours too), draw, move, reshape, delete and reassign buildings.
 * Every edit goes on the account's undo stack (`UndoBar`).
 */
export function GridEditor() {
  const t = useT();
  const { message, modal } = App.useApp();
  const layers = useApiQuery('map.layers', {});
  const client = useQueryClient();
  const [gridId, setGridId] = useState<string | null>(null);
  const [mergeId, setMergeId] = useState<string | null>(null);
  const [line, setLine] = useState<Ring | null>(null);
  const [polygon, setPolygon] = useState<Ring | null>(null);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [editingGrid, setEditingGrid] = useState(false);
  const [editingBuilding, setEditingBuilding] = useState(false);
  const [drawnReset, setDrawnReset] = useState(0);
  const editing = useRef<L.Polygon | null>(null);
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [editingCommunity, setEditingCommunity] = useState(false);
  const communityLayer = useRef<L.Polygon | null>(null);

  const changed = () => {
    setDrawnReset((n) => n + 1);
    setLine(null);
    setPolygon(null);
    void client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && (q.queryKey[0].startsWith('territory.') || q.queryKey[0].startsWith('buildings.')) });
  };
  const onError = (error: Error) => void message.error(describeError(error, t).message);
  const split = useApiMutation('territory.splitGrid', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.split.done', { code: done.newCode, moved: done.moved }));
      changed();
    },
    onError,
  });
  const merge = useApiMutation('territory.mergeGrids', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.merge.done', { moved: done.moved }));
      setMergeId(null);
      changed();
    },
    onError,
  });
  const flag = (done: GridReshaped | CommunityReshaped) => {
    void message.success(
      'regrouped' in done
        ? t('territory.edit.community.done', { neighbours: done.neighbours, grids: done.grids, regrouped: done.regrouped })
        : t('territory.edit.boundary.done', { neighbours: done.neighbours, moved: done.moved }),
    );
    if (done.overlaps.length > 0 || done.gaps.length > 0) {
      modal.warning({
        title: t('territory.edit.boundary.flagged', { overlaps: done.overlaps.length, gaps: done.gaps.length }),
        content: [
          ...done.overlaps.map((o) => `${o.a} × ${o.b}：${o.m2} m²`),
          ...done.gaps.map((g) => `${g.at[1].toFixed(6)}, ${g.at[0].toFixed(6)}：${g.m2} m²`),
        ].join('；'),
      });
    }
  };
  const reshapeGrid = useApiMutation('territory.reshapeGrid', {
    onSuccess: (done) => {
      setEditingGrid(false);
      flag(done);
      changed();
    },
    onError,
  });
  const reshapeCommunity = useApiMutation('territory.reshapeCommunity', {
    onSuccess: (done) => {
      setEditingCommunity(false);
      flag(done);
      changed();
    },
    onError,
  });
  const addBuilding = useApiMutation('territory.addBuilding', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.building.added', { grid: done.gridName }));
      setBuildingId(done.buildingId);
      changed();
    },
    onError,
  });
  const reshapeBuilding = useApiMutation('territory.reshapeBuilding', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.building.saved', { grid: done.gridName }));
      setEditingBuilding(false);
      changed();
    },
    onError,
  });
  const deleteBuilding = useApiMutation('territory.deleteBuilding', {
    onSuccess: () => {
      void message.success(t('territory.edit.building.deleted'));
      setBuildingId(null);
      changed();
    },
    onError,
  });
  const moveBuilding = useApiMutation('territory.moveBuilding', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.building.moved', { grid: grids.find((g) => g.id === done.gridId)?.name ?? '' }));
      changed();
    },
    onError,
  });
  const grids = layers.data?.grids ?? [];
  const buildings = layers.data?.buildings ?? { ids: [], statuses: [], footprints: [] };
  const pickBuilding = useCallback((id: string) => {
    setBuildingId(id);
    setEditingBuilding(false);
  }, []);
  const chooseGrid = (id: string) => {
    setGridId(id);
    setMergeId(null);
    setEditingGrid(false);
  };

  return (
    <div data-testid="territory-grid-editor">
      <Typography.Paragraph type="secondary">{t('territory.edit.help')}</Typography.Paragraph>
      <Space wrap className="gd-territory-form">
        <span>{t('territory.edit.grid')}</span>
        <Select<string>
          value={gridId ?? undefined}
          onChange={chooseGrid}
          options={grids.map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
          style={{ width: 300 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="territory-edit-grid"
        />
        <Button
          type="primary"
          disabled={!gridId || editingGrid}
          loading={split.isPending}
          onClick={() => (line ? split.mutate({ gridId: gridId!, line }) : void message.warning(t('territory.edit.drawFirst')))}
          data-testid="territory-split"
        >
          {t('territory.edit.split')}
        </Button>
        <Select<string>
          value={mergeId ?? undefined}
          onChange={setMergeId}
          disabled={!gridId || editingGrid}
          placeholder={t('territory.edit.mergeWith')}
          options={grids.filter((g) => g.id !== gridId).map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
          style={{ width: 260 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="territory-merge-grid"
        />
        <Button disabled={!gridId || !mergeId} loading={merge.isPending} onClick={() => merge.mutate({ keepId: gridId!, mergeId: mergeId! })} data-testid="territory-merge">
          {t('territory.edit.merge')}
        </Button>
        {editingGrid ? (
          <>
            <Button type="primary" loading={reshapeGrid.isPending} onClick={() => editing.current && reshapeGrid.mutate({ gridId: gridId!, ring: ringOf(editing.current) })} data-testid="territory-boundary-save">
              {t('territory.edit.saveBoundary')}
            </Button>
            <Button onClick={() => setEditingGrid(false)}>{t('territory.edit.cancel')}</Button>
          </>
        ) : (
          <Button disabled={!gridId || editingCommunity} onClick={() => setEditingGrid(true)} data-testid="territory-boundary-edit">
            {t('territory.edit.editBoundary')}
          </Button>
        )}
      </Space>
      <CommunityBoundaryBar
        communities={layers.data?.communities ?? []}
        communityId={communityId}
        editing={editingCommunity}
        busy={reshapeCommunity.isPending}
        disabled={editingGrid}
        onChoose={setCommunityId}
        onEdit={() => setEditingCommunity(true)}
        onSave={() => communityLayer.current && reshapeCommunity.mutate({ communityId: communityId!, ring: ringOf(communityLayer.current) })}
        onCancel={() => setEditingCommunity(false)}
      />
      {editingGrid || editingCommunity ? <Typography.Paragraph type="secondary">{t('territory.edit.boundaryHelp')}</Typography.Paragraph> : null}
      {polygon ? (
        <NewBuildingForm busy={addBuilding.isPending} onSave={(v) => addBuilding.mutate({ ...v, ring: polygon })} onCancel={() => changed()} />
      ) : null}
      {buildingId && buildings.ids.includes(buildingId) ? (
        <BuildingPanel
          key={buildingId}
          buildingId={buildingId}
          grids={grids}
          editing={editingBuilding}
          busy={reshapeBuilding.isPending || deleteBuilding.isPending || moveBuilding.isPending}
          onEdit={() => setEditingBuilding(true)}
          onCancel={() => setEditingBuilding(false)}
          onSave={() => editing.current && reshapeBuilding.mutate({ buildingId, ring: ringOf(editing.current) })}
          onDelete={() => deleteBuilding.mutate({ buildingId })}
          onReassign={(id) => moveBuilding.mutate({ buildingId, gridId: id })}
        />
      ) : null}
      <UndoBar />
      <div className="gd-territory-map" data-testid="territory-edit-map">
        <MapContainer center={[36.07, 120.38]} zoom={14} style={{ height: '100%', width: '100%' }}>
          <FitGrids grids={grids} />
          <CommunityEditLayer communities={layers.data?.communities ?? []} communityId={communityId} editing={editingCommunity} layer={communityLayer} />
          <EditLayers
            grids={grids}
            buildings={buildings}
            gridId={gridId}
            mergeId={mergeId}
            buildingId={buildingId}
            editingGrid={editingGrid}
            editingBuilding={editingBuilding}
            editing={editing}
            onLine={setLine}
            onPolygon={setPolygon}
            onPickBuilding={pickBuilding}
            drawnReset={drawnReset}
          />
        </MapContainer>
      </div>
    </div>
  );
}
