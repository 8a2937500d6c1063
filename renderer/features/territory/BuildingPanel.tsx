import { useState } from 'react';
import { Button, Popconfirm, Select, Space, Typography } from 'antd';
import type { MapLayers } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';

interface Props {
  buildingId: string;
  grids: MapLayers['grids'];
  editing: boolean;
  busy: boolean;
  onEdit(): void;
  onSave(): void;
  onCancel(): void;
  onDelete(): void;
  onReassign(gridId: string): void;
}

/** The building chosen on the map: move or reshape it, delete it, or put it in another grid. */
export function BuildingPanel({ buildingId, grids, editing, busy, onEdit, onSave, onCancel, onDelete, onReassign }: Props) {
  const t = useT();
  const detail = useApiQuery('buildings.get', { id: buildingId });
  const [target, setTarget] = useState<string | null>(null);
  const b = detail.data;
  if (!b) return null;
  return (
    <Space wrap className="gd-territory-form" data-testid="territory-building-panel">
      <Typography.Text strong data-testid="territory-building-selected">
        {t('territory.edit.selectedBuilding', { name: b.address, grid: b.grid.name })}
      </Typography.Text>
      {editing ? (
        <>
          <Button type="primary" loading={busy} onClick={onSave} data-testid="territory-building-save">
            {t('territory.edit.saveBuilding')}
          </Button>
          <Button onClick={onCancel}>{t('territory.edit.cancel')}</Button>
        </>
      ) : (
        <>
          <Button onClick={onEdit} data-testid="territory-building-edit">
            {t('territory.edit.editBuilding')}
          </Button>
          <Popconfirm title={t('territory.edit.deleteBuilding.confirm', { name: b.address })} onConfirm={onDelete} okButtonProps={{ 'data-testid': 'territory-building-delete-confirm' } as Record<string, string>}>
            <Button danger loading={busy} data-testid="territory-building-delete">
              {t('territory.edit.deleteBuilding')}
            </Button>
          </Popconfirm>
          <Select<string>
            value={target ?? undefined}
            onChange={setTarget}
            placeholder={t('territory.edit.reassign')}
            options={grids.filter((g) => g.id !== b.grid.id).map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
            style={{ width: 260 }}
            data-testid="territory-building-grid"
          />
          <Button disabled={!target} loading={busy} onClick={() => target && onReassign(target)} data-testid="territory-building-reassign">
            {t('territory.edit.reassign')}
          </Button>
        </>
      )}
    </Space>
  );
}
