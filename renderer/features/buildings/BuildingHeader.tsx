import { useState } from 'react';
import { Breadcrumb, Button, Tag, Tooltip } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EnvironmentOutlined, FlagFilled } from '@ant-design/icons';
import type { BuildingDetail } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { hashHref, navigate } from '../../app/use-hash-route';
import { StatusChangeModal } from '../statuses/StatusChangeModal';
import { useStatusDoneNotice } from '../statuses/use-done-notice';
import { StatusTag } from '../statuses/StatusTag';
import { lastTableQuery } from './table-return';
import { SafeCompoundActions } from './SafeCompoundActions';

/** Where the building is, its status since (and until) when, the red flag, and the way to the map. */
export function BuildingHeader({ building, canEdit }: { building: BuildingDetail; canEdit: boolean }) {
  const t = useT();
  const [changing, setChanging] = useState(false);
  const notice = useStatusDoneNotice();
  const back = hashHref('buildings', [], lastTableQuery());
  return (
    <header className="gd-bp-head" data-testid="building-page-head">
      <div className="gd-bp-head-main">
        <Breadcrumb
          data-testid="building-breadcrumb"
          items={[
            { title: <a href={back}>{t('nav.buildings')}</a> },
            { title: building.community.name },
            { title: building.grid.name },
            { title: building.compound.name },
          ]}
        />
        <h1 className="gd-bp-title">
          <span data-testid="building-page-address">{building.address}</span>
          <Tag variant="filled" className="gd-bp-kind">
            {t(building.kind === 'alley' ? 'building.kind.alley' : 'building.kind.building')}
          </Tag>
        </h1>
        <div className="gd-bp-status" data-testid="building-page-status">
          <StatusTag status={building.status} testId="building-page-status-tag" />
          <span className="gd-bp-since">
            {t('buildings.since', { date: formatDateTime(building.statusSince) })}
            {building.statusUntil !== null ? ` · ${t('buildings.until', { date: formatDateTime(building.statusUntil) })}` : ''}
          </span>
          {building.safeCompound ? (
            <Tooltip title={building.safeCompound.criteria.join('；')}>
              <Tag color="red" variant="filled" icon={<FlagFilled />} data-testid="building-page-safe">
                {t('buildings.safeCompound.since', { date: formatDate(building.safeCompound.grantedAt) })}
              </Tag>
            </Tooltip>
          ) : null}
        </div>
      </div>
      <div className="gd-bp-head-actions">
        {canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setChanging(true)} data-testid="building-page-change-status">
            {t('buildings.status.change')}
          </Button>
        ) : null}
        {canEdit ? <SafeCompoundActions building={building} /> : null}
        <Button icon={<ArrowLeftOutlined />} href={back} data-testid="building-page-back">
          {t('buildings.backToList')}
        </Button>
        <Button
          type="primary"
          icon={<EnvironmentOutlined />}
          onClick={() => navigate('map', [], { building: building.id })}
          data-testid="building-page-map"
        >
          {t('buildings.showOnMap')}
        </Button>
      </div>
      {canEdit && changing ? (
        <StatusChangeModal
          target={{ kind: 'single', id: building.id, label: building.address }}
          statusOf={() => building.status}
          onClose={() => setChanging(false)}
          onDone={(result) => {
            setChanging(false);
            notice(result);
          }}
        />
      ) : null}
    </header>
  );
}
