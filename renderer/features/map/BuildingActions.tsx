import { gridLabel } from '../../../messages';
import { Button, Space } from 'antd';
import { ApartmentOutlined, EditOutlined, ProfileOutlined } from '@ant-design/icons';
import type { BuildingDetail } from '../../../electron/api';
import { hashHref } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { SafeCompoundActions } from '../buildings/SafeCompoundActions';

export type AreaKind = 'grid' | 'compound' | 'community';

interface Props {
  building: BuildingDetail;
  canEdit: boolean;
  /** Viewing the past: nothing can be changed. */
  past: boolean;
  onChangeStatus(): void;
  onSelectArea(kind: AreaKind): void;
}

/** 变更状态, select the whole grid / compound / community, and the link to the building's page. */
export function BuildingActions({ building, canEdit, past, onChangeStatus, onSelectArea }: Props) {
  const t = useT();
  return (
    <div className="gd-panel-actions" data-testid="building-actions">
      <Space wrap size={[6, 6]}>
        {canEdit ? (
          <Button type="primary" size="small" icon={<EditOutlined />} disabled={past} onClick={onChangeStatus} data-testid="building-change-status">
            {t('map.change.open')}
          </Button>
        ) : null}
        {canEdit ? <SafeCompoundActions building={building} size="small" disabled={past} /> : null}
        <Button size="small" icon={<ProfileOutlined />} href={hashHref('buildings', [building.id])} data-testid="building-details-link">
          {t('map.panel.details')}
        </Button>
      </Space>
      {canEdit ? (
        <div className="gd-panel-area" data-testid="building-select-area">
          <span className="gd-muted">
            <ApartmentOutlined aria-hidden="true" /> {t('map.panel.selectArea')}
          </span>
          <Space wrap size={[4, 4]}>
            <Button size="small" disabled={past} onClick={() => onSelectArea('grid')} data-testid="select-grid">
              {t('map.panel.grid', { name: gridLabel(building.community.name, building.grid.name) })}
            </Button>
            <Button size="small" disabled={past} onClick={() => onSelectArea('compound')} data-testid="select-compound">
              {t('map.panel.compound', { name: building.compound.name })}
            </Button>
            <Button size="small" disabled={past} onClick={() => onSelectArea('community')} data-testid="select-community">
              {t('map.panel.community', { name: building.community.name })}
            </Button>
          </Space>
        </div>
      ) : null}
    </div>
  );
}
