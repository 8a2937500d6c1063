import { useEffect, useState } from 'react';
import { Button, Divider, Tag } from 'antd';
import { CloseOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useApiQuery, useBuilding } from '../../api/queries';
import { LoadingState } from '../../ui/LoadingState';
import { ErrorState } from '../../ui/ErrorState';
import { useT } from '../../i18n';
import { BuildingFacts } from './BuildingFacts';
import { BuildingHeads } from '../buildings/BuildingHeads';
import { BuildingSummary } from '../buildings/BuildingSummary';
import type { BuildingDetail } from '../../../electron/api';
import { BuildingActions, type AreaKind } from './BuildingActions';
import { BuildingHistory } from '../statuses/BuildingHistory';
import './building-panel.css';

/** Re-renders every minute so "for N hours" stays true while the panel is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

interface Props {
  id: string;
  onClose(): void;
  canEdit: boolean;
  /** The moment the history view shows, or null for now. */
  asOf: number | null;
  onChangeStatus(building: BuildingDetail): void;
  onSelectArea(kind: AreaKind, building: BuildingDetail): void;
}

/** The right-hand panel of a clicked building: `buildings.get` in full, its history, and what can be done. */
export function BuildingPanel({ id, onClose, canEdit, asOf, onChangeStatus, onSelectArea }: Props) {
  const t = useT();
  const building = useBuilding(id);
  const now = useNow();
  const data = building.data;
  const then = useApiQuery('buildings.statusAt', { id, at: asOf ?? 0 }, { enabled: asOf !== null });
  const past = asOf !== null;

  return (
    <aside className="gd-overlay gd-panel" data-testid="building-panel" data-building-id={id} aria-label={t('building.panel')}>
      <header className="gd-panel-head">
        <div className="gd-panel-title">
          {data ? (
            <>
              <h2 data-testid="building-name">{data.name}</h2>
              <Tag variant="filled" className="gd-kind-tag">
                {t(data.kind === 'alley' ? 'building.kind.alley' : 'building.kind.building')}
              </Tag>
            </>
          ) : (
            <h2>{t('building.panel')}</h2>
          )}
        </div>
        <Button type="text" icon={<CloseOutlined />} aria-label={t('building.close')} onClick={onClose} data-testid="building-panel-close" />
      </header>
      <div className="gd-panel-body">
        {building.isPending ? <LoadingState text={t('building.loading')} testId="building-loading" /> : null}
        {building.isError ? (
          <ErrorState compact error={building.error} onRetry={() => void building.refetch()} testId="building-error" />
        ) : null}
        {data ? (
          <>
            <div className="gd-panel-address">
              <EnvironmentOutlined aria-hidden="true" />
              <span data-testid="building-address">{data.address}</span>
            </div>
            {past && then.isError ? <ErrorState compact error={then.error} onRetry={() => void then.refetch()} testId="building-asof-error" /> : null}
            {past && !then.data ? null : <BuildingFacts building={data} now={now} asOf={past ? then.data : undefined} />}
            <BuildingActions
              building={data}
              canEdit={canEdit}
              past={past}
              onChangeStatus={() => onChangeStatus(data)}
              onSelectArea={(kind) => onSelectArea(kind, data)}
            />
            <BuildingSummary detail={data} />
            <Divider titlePlacement="start" className="gd-panel-divider">
              {t('building.heads')}
            </Divider>
            <BuildingHeads heads={data.heads} />
            <Divider titlePlacement="start" className="gd-panel-divider">
              {t('building.timeline')}
            </Divider>
            <BuildingHistory id={data.id} />
          </>
        ) : null}
      </div>
    </aside>
  );
}
