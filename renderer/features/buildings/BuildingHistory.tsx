import { Empty, Timeline } from 'antd';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { StatusBadge } from './StatusBadge';
import { useStatusLook } from './use-statuses';

/** Every status change of the building, newest first. */
export function BuildingHistory({ id }: { id: string }) {
  const t = useT();
  const look = useStatusLook();
  const history = useApiQuery('buildings.history', { id });
  if (history.isError) return <ErrorState compact error={history.error} onRetry={() => void history.refetch()} testId="building-history-error" />;
  if (!history.data) return null;
  if (history.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('building.history.none')} />;
  return (
    <Timeline
      className="gd-bp-history"
      data-testid="building-page-history"
      items={history.data.map((change) => ({
        key: change.id,
        color: look(change.status).color,
        content: (
          <div className="gd-bp-history-item">
            <div className="gd-bp-history-head">
              <StatusBadge status={change.status} />
              <span>{formatDateTime(change.effectiveFrom)}</span>
              {change.effectiveUntil !== null ? <span>{t('buildings.until', { date: formatDateTime(change.effectiveUntil) })}</span> : null}
            </div>
            {change.reason ? <div className="gd-bp-history-reason">{change.reason}</div> : null}
            <div className="gd-muted">
              {change.previousStatus ? `${t('building.history.from', { from: look(change.previousStatus).label })} · ` : ''}
              {t('building.history.by', { who: change.changedBy })}
            </div>
          </div>
        ),
      }))}
    />
  );
}
