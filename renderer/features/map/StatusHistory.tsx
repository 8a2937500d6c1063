import { Empty, Timeline } from 'antd';
import type { StatusChange } from '../../../electron/api';
import { statusColor, statusLabel } from '../../../maps/status';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n';
import { StatusTag } from './StatusTag';

/** The latest status changes of one building, newest first. */
export function StatusHistory({ history }: { history: StatusChange[] }) {
  const t = useT();
  const [locale] = useLocale();
  if (history.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('building.history.none')} data-testid="building-history-empty" />;
  }
  return (
    <Timeline
      className="gd-history"
      data-testid="building-history"
      items={history.map((change) => ({
        key: change.id,
        color: statusColor(change.status),
        content: (
          <div className="gd-history-item">
            <div className="gd-history-head">
              <StatusTag status={change.status} />
              <span className="gd-history-date">{formatDateTime(change.effectiveFrom)}</span>
              {change.effectiveUntil !== null ? (
                <span className="gd-history-date">{t('building.history.until', { date: formatDateTime(change.effectiveUntil) })}</span>
              ) : null}
            </div>
            {change.reason ? <div className="gd-history-reason">{change.reason}</div> : null}
            <div className="gd-history-meta">
              {change.previousStatus
                ? `${t('building.history.from', { from: statusLabel(change.previousStatus, locale) })} · `
                : ''}
              {t('building.history.by', { who: change.changedBy })}
            </div>
          </div>
        ),
      }))}
    />
  );
}
