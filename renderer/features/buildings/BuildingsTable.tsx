import { AddressText } from './AddressText';
import { Table, Tooltip, type TableColumnsType, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { FlagFilled } from '@ant-design/icons';
import type { BuildingRow } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { GROUPS } from './group-labels';
import { StatusTag } from '../statuses/StatusTag';
import { PAGE_SIZE, type SortKey, type TableState } from './table-state';

interface Props {
  rows: BuildingRow[];
  total: number;
  loading: boolean;
  state: TableState;
  onSortPage(sort: TableState['sort'], page: number): void;
  onOpen(id: string): void;
}

const num = (key: string) =>
  function Cell(n: number) {
    return (
      <span data-testid={`cell-${key}`} className={n === 0 ? 'gd-muted' : undefined}>
        {formatNumber(n)}
      </span>
    );
  };

/** One page of buildings from the service; sorting and paging are done there. */
export function BuildingsTable({ rows, total, loading, state, onSortPage, onOpen }: Props) {
  const t = useT();
  const order = (key: SortKey): SortOrder => (state.sort.key === key ? (state.sort.order === 'asc' ? 'ascend' : 'descend') : null);
  const directions: SortOrder[] = ['ascend', 'descend', 'ascend'];
  const sortable = (key: SortKey) => ({ key, sorter: true, sortOrder: order(key), sortDirections: directions });

  const columns: TableColumnsType<BuildingRow> = [
    {
      title: t('buildings.col.address'),
      dataIndex: 'address',
      ...sortable('address'),
      width: 250,
      fixed: 'left',
      ellipsis: { showTitle: false },
      render: (address: string, row) => (
        <span className="gd-bld-address" title={address}>
          <AddressText address={address} testId="cell-address" />
          {row.safeCompound ? (
            <Tooltip title={t('buildings.safeCompound')}>
              <FlagFilled className="gd-bld-flag" aria-label={t('buildings.safeCompound')} data-testid="cell-safe" />
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      title: t('buildings.col.area'),
      key: 'area',
      width: 100,
      render: (_: unknown, row) => (
        <span className="gd-bld-area">
          {row.gridName}
          <span className="gd-bld-compound">{row.communityName}</span>
        </span>
      ),
    },
    {
      title: t('buildings.col.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 76,
      render: (status: string) => <StatusTag status={status} testId="cell-status" />,
    },
    {
      title: t('buildings.col.since'),
      dataIndex: 'statusSince',
      ...sortable('statusSince'),
      width: 136,
      render: (since: number, row) => (
        <span className="gd-bld-since">
          {formatDateTime(since)}
          {row.statusUntil !== null ? <span className="gd-bld-until">{t('buildings.until', { date: formatDateTime(row.statusUntil) })}</span> : null}
        </span>
      ),
    },
    { title: t('buildings.col.households'), dataIndex: 'households', ...sortable('households'), width: 64, align: 'right', render: num('households') },
    { title: t('buildings.col.residents'), dataIndex: 'residents', ...sortable('residents'), width: 64, align: 'right', render: num('residents') },
    { title: t('buildings.col.floating'), dataIndex: 'floating', ...sortable('floating'), width: 64, align: 'right', render: num('floating') },
    {
      title: t('buildings.col.groups'),
      children: GROUPS.map((g) => ({
        title: <span title={t(g.label)}>{t(g.short)}</span>,
        ...sortable(g.tag),
        width: 56,
        align: 'right' as const,
        render: (_: unknown, row: BuildingRow) => num(g.tag)(row.tags[g.tag]),
      })),
    },
    {
      title: t('buildings.col.openNeeds'),
      dataIndex: 'openNeeds',
      ...sortable('openNeeds'),
      width: 64,
      align: 'right',
      render: (n: number) => <span data-testid="cell-openNeeds" className={n > 0 ? 'gd-bld-hot' : 'gd-muted'}>{formatNumber(n)}</span>,
    },
    {
      title: t('buildings.col.openIncidents'),
      dataIndex: 'openIncidents',
      width: 56,
      align: 'right',
      render: (n: number) => <span data-testid="cell-openIncidents" className={n > 0 ? 'gd-bld-hot' : 'gd-muted'}>{formatNumber(n)}</span>,
    },
  ];

  const onChange: TableProps<BuildingRow>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = (one?.columnKey ?? one?.field) as SortKey | undefined;
      if (!key || !one?.order) return onSortPage({ key: 'address', order: 'asc' }, 1);
      return onSortPage({ key, order: one.order === 'descend' ? 'desc' : 'asc' }, 1);
    }
    onSortPage(state.sort, pagination.current ?? 1);
  };

  return (
    <Table<BuildingRow>
      className="gd-bld-table"
      data-testid="buildings-table"
      rowKey="id"
      size="small"
      bordered={false}
      loading={loading}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1150, y: 'calc(100vh - 300px)' }}
      showSorterTooltip={false}
      onChange={onChange}
      onRow={(row) => {
        const attrs: Record<string, unknown> = {
          'data-testid': `building-row-${row.id}`,
          className: 'gd-bld-row',
          onClick: () => onOpen(row.id),
        };
        return attrs;
      }}
      pagination={{
        current: state.page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        showQuickJumper: total > PAGE_SIZE * 5,
        showTotal: (n, [from, to]) => t('buildings.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(n) }),
      }}
    />
  );
}
