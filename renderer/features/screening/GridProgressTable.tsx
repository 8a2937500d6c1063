import { Progress, Table, type TableColumnsType } from 'antd';
import type { ScreeningProgress } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { doneShare } from './result-labels';

type Row = ScreeningProgress['byGrid'][number];

/** Progress of each grid in the round; clicking a grid filters the queue. */
export function GridProgressTable({ rows, selected, onSelect }: { rows: Row[]; selected: string | undefined; onSelect(gridId: string | undefined): void }) {
  const t = useT();
  const columns: TableColumnsType<Row> = [
    {
      title: t('screening.grid.name'),
      key: 'grid',
      render: (_: unknown, r) => (
        <div className="gd-scr-grid-name">
          <div>{r.gridName}</div>
          <div className="gd-muted">{r.communityName}</div>
        </div>
      ),
    },
    {
      title: t('screening.grid.progress'),
      key: 'progress',
      width: 160,
      render: (_: unknown, r) => (
        <div className="gd-scr-progress">
          <Progress percent={doneShare(r)} size="small" showInfo={false} />
          <span className="gd-scr-progress-text">
            {formatNumber(r.visited + r.refused)}/{formatNumber(r.households)}
          </span>
        </div>
      ),
    },
    {
      title: t('screening.grid.revisit'),
      dataIndex: 'nobodyHome',
      width: 64,
      align: 'right',
      render: (n: number) => (n > 0 ? <span className="gd-scr-warn-text">{formatNumber(n)}</span> : <span className="gd-muted">0</span>),
    },
    {
      title: t('screening.grid.returnees'),
      dataIndex: 'returnees',
      width: 56,
      align: 'right',
      render: (n: number) => (n > 0 ? formatNumber(n) : <span className="gd-muted">0</span>),
    },
  ];
  return (
    <Table<Row>
      data-testid="grid-progress"
      size="small"
      rowKey="gridId"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
      rowClassName={(r) => (r.gridId === selected ? 'gd-scr-row gd-scr-row-selected' : 'gd-scr-row')}
      onRow={(r) => {
        const attrs: Record<string, unknown> = {
          'data-testid': `grid-progress-${r.gridId}`,
          onClick: () => onSelect(r.gridId === selected ? undefined : r.gridId),
        };
        return attrs;
      }}
    />
  );
}
