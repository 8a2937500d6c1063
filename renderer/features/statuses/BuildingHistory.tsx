import { Empty, Tag, Timeline } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { StatusChange } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n';
import { StatusTag } from './StatusTag';
import { useStatusStyles } from './use-status-styles';
import './statuses.css';

/** The full status history of one building (`buildings.history`), newest first. */
export function BuildingHistory({ id }: { id: string }) {
  const t = useT();
  const history = useApiQuery('buildings.history', { id });
  if (history.isPending) return <LoadingState text={t('building.history.loading')} testId="building-history-loading" />;
  if (history.isError) return <ErrorState compact error={history.error} onRetry={() => void history.refetch()} testId="building-history-error" />;
  return <HistoryTimeline history={history.data} />;
}

/** Previous → new, why, from/until, who and when; bulk changes marked. */
function HistoryTimeline({ history }: { history: StatusChange[] }) {
  const t = useT();
  const styles = useStatusStyles();
  if (history.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('building.history.none')} data-testid="building-history-empty" />;
  }
  return (
    <Timeline
      className="gd-history"
      data-testid="building-history"
      items={history.map((change) => ({
        key: change.id,
        color: styles.look(change.status).color,
        content: (
          <div className="gd-history-item" data-testid="history-entry" data-batch={change.batchId ?? ''} data-bulk={change.bulk}>
            <div className="gd-history-head">
              {change.previousStatus ? (
                <>
                  <StatusTag status={change.previousStatus} />
                  <ArrowRightOutlined className="gd-history-arrow" aria-label={t('building.history.to')} />
                </>
              ) : null}
              <StatusTag status={change.status} />
              {change.bulk ? (
                <Tag color="blue" variant="outlined" className="gd-history-batch" data-testid="history-batch">
                  {t('building.history.batch')}
                </Tag>
              ) : null}
            </div>
            {change.reason ? <div className="gd-history-reason">{change.reason}</div> : null}
            <div className="gd-history-meta">
              {t('building.history.effective', { from: formatDateTime(change.effectiveFrom) })}
              {change.effectiveUntil !== null ? ` · ${t('building.history.until', { date: formatDateTime(change.effectiveUntil) })}` : ''}
            </div>
            <div className="gd-history-meta">
              {t('building.history.by', { who: change.changedBy })} · {formatDateTime(change.changedAt)}
            </div>
          </div>
        ),
      }))}
    />
  );
}
