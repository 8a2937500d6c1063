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
import './reminders.css';

/** Statuses that end within 48 hours or are overdue: a bell in the header, a list under it. */
export function ReminderBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const reminders = useApiQuery('buildings.reminders', { withinHours: 48 }, { refetchInterval: 60_000, staleTime: 30_000, enabled: useStartupSettled() });
  const list = reminders.data ?? [];
  const overdue = list.filter((r) => r.overdue).length;

  const go = (r: StatusReminder) => {
    setOpen(false);
    navigate('map', [], { building: r.buildingId });
  };

  const content = (
    <div className="gd-reminders" data-testid="reminder-list">
      {reminders.isError ? <div className="gd-reminder-error">{describeError(reminders.error, t).message}</div> : null}
      {list.length === 0 && !reminders.isError ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminders.none')} /> : null}
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
        <Badge count={list.length} size="small" color={overdue > 0 ? '#cf1322' : '#fa8c16'} offset={[-4, 4]}>
          <Button type="text" className="gd-bell" icon={<BellOutlined />} aria-label={t('reminders.title')} data-testid="reminder-bell" data-count={list.length} data-overdue={overdue} />
        </Badge>
      </Tooltip>
    </Popover>
  );
}
