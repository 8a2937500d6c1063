import { Table } from 'antd';
import type { BundleReportRow } from '../../../electron/api';
import { useT } from '../../i18n';

/** An aggregate-only report as it came: one row per figure, filterable by community and measure. */
export function ReportTable({ rows }: { rows: BundleReportRow[] }) {
  const t = useT();
  const communities = [...new Map(rows.map((r) => [r.community, r.communityName])).entries()];
  const measures = [...new Set(rows.map((r) => r.measure))];
  return (
    <Table<BundleReportRow & { n: number }>
      className="gd-exchange-section"
      rowKey="n"
      size="small"
      dataSource={rows.map((r, n) => ({ ...r, n }))}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="exchange-report"
      columns={[
        {
          title: t('exchange.report.community'),
          dataIndex: 'communityName',
          filters: communities.map(([code, name]) => ({ text: name, value: code })),
          onFilter: (value, r) => r.community === value,
        },
        { title: t('exchange.report.grid'), dataIndex: 'gridName', render: (v: string | null) => v ?? t('exchange.report.wholeCommunity') },
        { title: t('exchange.report.day'), dataIndex: 'day', render: (v: string | null) => v ?? t('exchange.report.asOf') },
        {
          title: t('exchange.report.measure'),
          dataIndex: 'measure',
          render: (m: BundleReportRow['measure']) => t(`exchange.measure.${m}`),
          filters: measures.map((m) => ({ text: t(`exchange.measure.${m}`), value: m })),
          onFilter: (value, r) => r.measure === value,
        },
        { title: t('exchange.report.key'), dataIndex: 'key', render: (v: string | null) => v ?? '' },
        { title: t('exchange.report.value'), dataIndex: 'value', align: 'right' },
      ]}
    />
  );
}
