import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { RequestRow } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { AddressText } from '../buildings/AddressText';
import { OverdueTag } from './OverdueTag';
import { STATE_COLORS, useRequestWords } from './request-words';

interface Props {
  rows: RequestRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage(page: number): void;
  onOpen(id: string): void;
  /** Without the building columns (on a building's own page). */
  compact?: boolean;
}

/** Requests, overdue first (the service's order); a long title wraps to two lines at most, with the whole of it on hover. */
export function RequestsTable({ rows, total, page, pageSize, loading, onPage, onOpen, compact = false }: Props) {
  const t = useT();
  const word = useRequestWords();
  const columns: TableColumnsType<RequestRow> = [
    {
      title: t('requests.field.title'),
      dataIndex: 'title',
      key: 'title',
      width: compact ? 240 : 250,
      render: (title: string, r) => (
        <div className="gd-req-title-cell">
          <OverdueTag row={r} />
          <Typography.Paragraph className="gd-req-title" ellipsis={{ rows: 2, tooltip: title }} data-testid="request-title-cell">
            {title}
          </Typography.Paragraph>
        </div>
      ),
    },
    { title: t('requests.field.kind'), dataIndex: 'kind', key: 'kind', width: 96, render: (k: RequestRow['kind']) => word('kind', k) },
    {
      title: t('requests.field.state'),
      dataIndex: 'state',
      key: 'state',
      width: 92,
      render: (s: RequestRow['state']) => (
        <Tag color={STATE_COLORS[s]} data-testid="request-state-cell">
          {word('state', s)}
        </Tag>
      ),
    },
    ...(compact
      ? []
      : ([
          { title: t('requests.field.building'), dataIndex: 'address', key: 'address', width: 210, render: (a: string) => <AddressText address={a} /> },
          { title: t('requests.field.grid'), dataIndex: 'gridName', key: 'grid', width: 160, ellipsis: { showTitle: true } },
        ] satisfies TableColumnsType<RequestRow>)),
    { title: t('requests.field.source'), dataIndex: 'source', key: 'source', width: 100, render: (s: RequestRow['source']) => word('source', s) },
    { title: t('requests.field.handler'), dataIndex: 'handler', key: 'handler', width: 120, ellipsis: { showTitle: true }, render: (h: string | null) => h ?? '—' },
    { title: t('requests.field.receivedAt'), dataIndex: 'receivedAt', key: 'receivedAt', width: 136, render: (at: number) => formatDateTime(at) },
    {
      title: t('requests.field.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      width: 136,
      render: (at: number | null, r) => (at === null ? '—' : <span className={r.overdue ? 'gd-req-late' : undefined}>{formatDateTime(at)}</span>),
    },
  ];
  return (
    <Table<RequestRow>
      className="gd-req-table"
      rowKey="id"
      size="small"
      tableLayout="fixed"
      scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
      columns={columns}
      dataSource={rows}
      loading={loading}
      data-testid="requests-table"
      onRow={(r) => ({ onClick: () => onOpen(r.id), 'data-testid': 'request-row', 'data-request-id': r.id, 'data-overdue': r.overdue, className: 'gd-req-row' }) as React.HTMLAttributes<HTMLElement>}
      pagination={total > pageSize ? { current: page, pageSize, total, showSizeChanger: false, onChange: onPage } : false}
      locale={{ emptyText: t('requests.none') }}
    />
  );
}
