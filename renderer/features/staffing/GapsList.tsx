import { useState } from 'react';
import { Empty, Segmented, Table, Tag } from 'antd';
import type { StaffingGap } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { clock, dayLabel } from './staffing-dates';

/** Shifts short of staff in the next 24 hours or 7 days, night shifts first. */
export function GapsList({ onOpen }: { onOpen: (gap: StaffingGap) => void }) {
  const t = useT();
  const [hours, setHours] = useState<24 | 168>(24);
  const gaps = useApiQuery('staffing.gaps', { hours }, { refetchInterval: 60_000 });
  if (gaps.isError) return <ErrorState error={gaps.error} onRetry={() => void gaps.refetch()} />;
  return (
    <div data-testid="staff-gaps">
      <div className="gd-staff-gaps-head">
        <Segmented<24 | 168>
          value={hours}
          onChange={setHours}
          options={[
            { value: 24, label: t('staffing.gaps.24') },
            { value: 168, label: t('staffing.gaps.168') },
          ]}
          data-testid="staff-gaps-range"
        />
        {gaps.data ? <span className="gd-muted">{t('staffing.gaps.count', { count: gaps.data.length })}</span> : null}
      </div>
      <Table<StaffingGap>
        size="small"
        loading={gaps.isPending}
        rowKey={(g) => `${g.postId}|${g.templateId}|${g.date}`}
        dataSource={gaps.data ?? []}
        locale={{ emptyText: <Empty description={t('staffing.gaps.none')} /> }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(g) => ({ onClick: () => onOpen(g), 'data-testid': 'staff-gap' } as object)}
        columns={[
          { key: 'when', title: t('staffing.gaps.when'), render: (_, g) => `${dayLabel(g.date, t.locale)} ${clock(g.startMinute)}–${clock(g.startMinute + g.minutes)}` },
          {
            key: 'shift',
            title: t('staffing.shift'),
            render: (_, g) => (
              <>
                {g.shiftName} {g.night && !g.shiftName.includes('夜') ? <Tag color="purple">{t('staffing.gaps.night')}</Tag> : null}
              </>
            ),
          },
          { key: 'community', title: t('staffing.gaps.community'), dataIndex: 'communityName' },
          { key: 'post', title: t('staffing.post'), dataIndex: 'postName' },
          {
            key: 'filled',
            title: t('staffing.gaps.filled'),
            render: (_, g) => (
              <span className="gd-staff-short">
                {g.filled}/{g.needed}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
