import { Card, Table, Tag, type TableColumnsType } from 'antd';
import type { BundleLogEntry } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

/** Bundles sent and received, newest first. */
export function HistoryCard() {
  const t = useT();
  const history = useApiQuery('bundles.history', {});
  const columns: TableColumnsType<BundleLogEntry> = [
    { title: t('exchange.col.time'), dataIndex: 'at', width: 150, render: (at: number) => formatDateTime(at) },
    {
      title: t('exchange.col.direction'),
      dataIndex: 'direction',
      width: 80,
      render: (d: BundleLogEntry['direction']) => <Tag color={d === 'sent' ? 'blue' : 'green'}>{t(d === 'sent' ? 'exchange.direction.sent' : 'exchange.direction.received')}</Tag>,
    },
    { title: t('exchange.col.parties'), key: 'parties', render: (_: unknown, e) => (e.direction === 'sent' ? e.recipientCodes.join('、') : e.senderCode) },
    { title: t('exchange.col.sequence'), dataIndex: 'sequence', width: 70, align: 'right' },
    { title: t('exchange.col.rows'), dataIndex: 'rows', width: 90, align: 'right' },
    {
      title: t('exchange.outcome.conflict'),
      key: 'conflict',
      width: 70,
      align: 'right',
      render: (_: unknown, e) => (e.direction === 'received' ? (e.summary.conflict ?? 0) : ''),
    },
    { title: t('exchange.col.file'), dataIndex: 'fileName', ellipsis: true },
  ];
  return (
    <Card title={t('exchange.history')} size="small" data-testid="exchange-history">
      <Table<BundleLogEntry> rowKey="id" size="small" columns={columns} dataSource={history.data ?? []} loading={history.isLoading} pagination={{ pageSize: 10 }} locale={{ emptyText: t('exchange.history.empty') }} />
    </Card>
  );
}
