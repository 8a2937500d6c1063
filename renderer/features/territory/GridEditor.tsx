import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { App, Button, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { MapContainer, useMap } from 'react-leaflet';
import type { MapLayers } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';

declare global {
  interface Window {
    /** Test builds only: the page point of a [lat, lng] on the grid editor's map. */
    __gridDeskGridEditor?: { pointOf(lat: number, lng: number): { x: number; y: number } };
  }
}

type Grid = MapLayers['grids'][number];

function Drawing({ grids, selected, onLine }: { grids: Grid[]; selected: string | null; onLine: (line: [number, number][] | null) => void }) {
  const map = useMap();
  const drawn = useRef<L.Layer | null>(null);

  useEffect(() => {
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawPolygon: false,
      drawRectangle: false,
      drawCircle: false,
      drawText: false,
      editMode: false,
      dragMode: false,
      cutPolygon: false,
      removalMode: false,
      rotateMode: false,
    });
    map.pm.setLang('zh');
    const created = (e: { layer: L.Layer }) => {
      drawn.current?.remove();
      drawn.current = e.layer;
      const points = (e.layer as L.Polyline).getLatLngs() as L.LatLng[];
      onLine(points.map((p) => [p.lng, p.lat] as [number, number]));
    };
    map.on('pm:create', created);
    if (import.meta.env.MODE === 'e2e') {
      window.__gridDeskGridEditor = {
        pointOf(lat, lng) {
          const rect = map.getContainer().getBoundingClientRect();
          const p = map.latLngToContainerPoint([lat, lng]);
          return { x: Math.round(rect.left + p.x + window.scrollX), y: Math.round(rect.top + p.y + window.scrollY) };
        },
      };
    }
    return () => {
      map.off('pm:create', created);
      map.pm.removeControls();
    };
  }, [map, onLine]);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const g of grids) {
      const on = g.id === selected;
      L.polygon(
        g.boundary.map((ring) => ring.map(([lng, lat]) => [lat, lng] as [number, number])),
        { color: on ? '#1677ff' : '#595959', weight: on ? 3 : 1, fillOpacity: on ? 0.15 : 0.04, pmIgnore: true, interactive: false },
      )
        .bindTooltip(g.name, { permanent: true, direction: 'center', className: 'gd-territory-grid-label' })
        .addTo(group);
    }
    return () => void group.remove();
  }, [map, grids, selected]);

  useEffect(() => {
    if (selected === null) {
      drawn.current?.remove();
      drawn.current = null;
    }
  }, [selected]);

  return null;
}

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

/** 拆分网格: pick a grid, draw a line across it with leaflet-geoman, split; the latest split can be undone. */
export function GridEditor() {
  const t = useT();
  const { message } = App.useApp();
  const layers = useApiQuery('map.layers', {});
  const last = useApiQuery('territory.lastSplit', {});
  const client = useQueryClient();
  const changed = () => {
    void last.refetch();
    void client.invalidateQueries({ queryKey: ['territory.office'] });
  };
  const [gridId, setGridId] = useState<string | null>(null);
  const [line, setLine] = useState<[number, number][] | null>(null);
  const onError = (error: Error) => void message.error(describeError(error, t).message);
  const split = useApiMutation('territory.splitGrid', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.split.done', { code: done.newCode, moved: done.moved }));
      setGridId(null);
      setLine(null);
      changed();
    },
    onError,
  });
  const undo = useApiMutation('territory.undoSplit', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.undo.done', { moved: done.moved }));
      changed();
    },
    onError,
  });
  const grids = layers.data?.grids ?? [];

  return (
    <div data-testid="territory-grid-editor">
      <Typography.Paragraph type="secondary">{t('territory.edit.help')}</Typography.Paragraph>
      <Space wrap className="gd-territory-form">
        <span>{t('territory.edit.grid')}</span>
        <Select<string>
          value={gridId ?? undefined}
          onChange={setGridId}
          options={grids.map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
          style={{ width: 320 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="territory-edit-grid"
        />
        <Button
          type="primary"
          disabled={!gridId}
          loading={split.isPending}
          onClick={() => (line ? split.mutate({ gridId: gridId!, line }) : void message.warning(t('territory.edit.drawFirst')))}
          data-testid="territory-split"
        >
          {t('territory.edit.split')}
        </Button>
        {last.data ? (
          <Button loading={undo.isPending} onClick={() => undo.mutate({})} data-testid="territory-undo-split">
            {t('territory.edit.undo', { grid: last.data.gridName })}
          </Button>
        ) : null}
      </Space>
      <div className="gd-territory-map" data-testid="territory-edit-map">
        <MapContainer center={[36.07, 120.38]} zoom={14} style={{ height: '100%', width: '100%' }}>
          <FitGrids grids={grids} />
          <Drawing grids={grids} selected={gridId} onLine={setLine} />
        </MapContainer>
      </div>
    </div>
  );
}
