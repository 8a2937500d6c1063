import { Badge, Button, Empty, Popover, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { StatusReminder } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useStartupSettled } from '../../api/startup-gate';
import { navigate } from '../../app/use-hash-route';
import { describeError } from '../../ui/error-text';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n';
import { StatusTag } from '../statuses/StatusTag';
import { useCan } from '../auth/session';
import { requestsHref } from '../requests/requests-href';
import './reminders.css';

/**
 * A bell in the header: statuses that end within 48 hours or are overdue, and resident requests
 * past their limit (督办), each with a list under it.
 */
export function ReminderBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const settled = useStartupSettled();
  const readsRequests = useCan()('requests.read');
  const reminders = useApiQuery('buildings.reminders', { withinHours: 48 }, { refetchInterval: 60_000, staleTime: 30_000, enabled: settled });
  const alerts = useApiQuery('requests.alerts', {}, { refetchInterval: 60_000, staleTime: 30_000, enabled: settled && readsRequests });
  const list = reminders.data ?? [];
  const lateRequests = alerts.data?.overdue ?? 0;
  const overdue = list.filter((r) => r.overdue).length + lateRequests;
  const count = list.length + lateRequests;

  const go = (r: StatusReminder) => {
    setOpen(false);
    navigate('map', [], { building: r.buildingId });
  };

  const requestList = alerts.data && alerts.data.overdue > 0 ? (
    <div className="gd-reminders-requests" data-testid="reminder-requests">
      <div className="gd-reminders-head">{t('requests.bell.title')}</div>
      <ul>
        {alerts.data.latest.map((r) => (
          <li key={r.id}>
            <a className="gd-reminder" href={requestsHref({ overdue: true }, r.id)} onClick={() => setOpen(false)} data-testid="reminder-request" data-request-id={r.id}>
              <span className="gd-reminder-address">{r.title}</span>
              <span className="gd-reminder-line">
                <span className="gd-muted">{r.address}</span>
                <span className="gd-reminder-until gd-overdue">{t('requests.bell.due', { at: formatDateTime(r.dueAt) })}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {alerts.data.overdue > alerts.data.latest.length ? (
        <a href={requestsHref({ overdue: true })} onClick={() => setOpen(false)} data-testid="reminder-requests-more">
          {t('requests.bell.more', { n: alerts.data.overdue - alerts.data.latest.length })}
        </a>
      ) : null}
    </div>
  ) : null;

  const content = (
    <div className="gd-reminders" data-testid="reminder-list">
      {requestList}
      {reminders.isError ? <div className="gd-reminder-error">{describeError(reminders.error, t).message}</div> : null}
      {count === 0 && !reminders.isError ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminders.none')} /> : null}
      <ul>
        {list.map((r) => (
          <li key={r.buildingId}>
            <button type="button" className="gd-reminder" onClick={() => go(r)} data-testid="reminder-item" data-building-id={r.buildingId} data-overdue={r.overdue}>
              <span className="gd-reminder-address">{r.address}</span>
              <span className="gd-reminder-line">
                <StatusTag status={r.status} />
                <span className="gd-muted">{r.gridName}</span>
                <span className={r.overdue ? 'gd-reminder-until gd-overdue' : 'gd-reminder-until'}>
                  {t(r.overdue ? 'reminders.overdue' : 'reminders.until', { date: formatDateTime(r.effectiveUntil) })}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('reminders.title')}
      content={content}
    >
      <Tooltip title={open ? null : t('reminders.title')}>
        <Badge count={count} size="small" color={overdue > 0 ? '#cf1322' : '#fa8c16'} offset={[-4, 4]}>
          <Button type="text" className="gd-bell" icon={<BellOutlined />} aria-label={t('reminders.title')} data-testid="reminder-bell" data-count={count} data-overdue={overdue} data-late-requests={lateRequests} />
        </Badge>
      </Tooltip>
    </Popover>
  );
}
