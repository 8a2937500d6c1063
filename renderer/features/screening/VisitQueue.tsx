import { AddressText } from '../buildings/AddressText';
import { addressParts } from '../buildings/address-parts';
import { gridLabel } from '../../../messages';
import { useState } from 'react';
import { Button, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { visitResults, type ScreeningHousehold, type ScreeningProgress, type VisitResult } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { resultOf } from './result-labels';
import { VisitModal } from './VisitModal';

const PAGE_SIZE = 50;
export const DEFAULT_RESULTS: VisitResult[] = ['pending', 'nobody_home'];

interface Props {
  roundId: string;
  open: boolean;
  canVisit: boolean;
  grids: ScreeningProgress['byGrid'];
  gridId: string | undefined;
  onGrid(gridId: string | undefined): void;
}

/** The households to visit (pending and nobody home by default), with 登记 on each. */
export function VisitQueue({ roundId, open, canVisit, grids, gridId, onGrid }: Props) {
  const t = useT();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const [buildingSearch, setBuildingSearch] = useState('');
  const [results, setResults] = useState<VisitResult[]>(DEFAULT_RESULTS);
  const [page, setPage] = useState(1);
  const [visiting, setVisiting] = useState<ScreeningHousehold | null>(null);

  const queue = useApiQuery(
    'screening.households',
    {
      roundId,
      ...(gridId ? { gridId } : {}),
      ...(buildingId ? { buildingId } : {}),
      ...(results.length ? { results } : {}),
      page,
      pageSize: PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );
  const buildings = useApiQuery(
    'buildings.list',
    { filter: { gridIds: gridId ? [gridId] : [], ...(buildingSearch.trim() ? { search: buildingSearch.trim() } : {}) }, pageSize: 100 },
    { enabled: gridId !== undefined },
  );

  const columns: TableColumnsType<ScreeningHousehold> = [
    {
      title: t('screening.queue.household'),
      key: 'household',
      ellipsis: { showTitle: false },
      render: (_: unknown, h) => (
        <div className="gd-scr-household">
          <AddressText address={h.address} suffix={h.room} testId="queue-address" />
          <div className="gd-muted">
            {h.headName} · {t('screening.queue.members', { n: h.members })}
          </div>
        </div>
      ),
    },
    {
      title: t('screening.queue.result'),
      dataIndex: 'result',
      width: 84,
      render: (r: VisitResult) => (
        <Tag color={resultOf(r).color} data-testid="queue-result">
          {t(resultOf(r).label)}
        </Tag>
      ),
    },
    { title: t('screening.queue.attempts'), dataIndex: 'attempts', width: 50, align: 'right', render: (n: number) => <span data-testid="queue-attempts">{n}</span> },
    {
      title: t('screening.queue.last'),
      key: 'last',
      width: 136,
      render: (_: unknown, h) =>
        h.visitedAt !== null ? (
          <div>
            <div>{formatDateTime(h.visitedAt)}</div>
            <div className="gd-muted">{h.visitedBy}</div>
          </div>
        ) : (
          <span className="gd-muted">—</span>
        ),
    },
    {
      title: t('screening.queue.findings'),
      key: 'findings',
      width: 110,
      render: (_: unknown, h) => (
        <span className="gd-scr-findings-cell">
          {h.returnee ? <Tag color="cyan">{t('screening.visit.returnee')}</Tag> : null}
          {h.symptoms ? <Tag color="red">{t('screening.visit.symptoms')}</Tag> : null}
          {h.needs ? <span title={h.needs}>{h.needs}</span> : null}
        </span>
      ),
    },
    ...(canVisit && open
      ? [
          {
            title: '',
            key: 'actions',
            width: 76,
            render: (_: unknown, h: ScreeningHousehold) => (
              <Button size="small" type="primary" ghost icon={<EditOutlined />} onClick={() => setVisiting(h)} data-testid={`visit-${h.householdId}`}>
                {t('screening.queue.record')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="gd-scr-queue" data-testid="visit-queue">
      <div className="gd-scr-queue-head">
        <h2>{t('screening.queue.title')}</h2>
        <span className="gd-muted" data-testid="queue-total">
          {queue.data ? t('screening.queue.total', { n: formatNumber(queue.data.total) }) : ''}
        </span>
      </div>
      <Space wrap className="gd-scr-queue-filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="gd-scr-filter-grid"
          data-testid="queue-grid"
          placeholder={t('screening.queue.allGrids')}
          value={gridId}
          onChange={(g: string | undefined) => {
            onGrid(g);
            setBuildingId(undefined);
            setPage(1);
          }}
          options={grids.map((g) => ({ value: g.gridId, label: gridLabel(g.communityName, g.gridName) }))}
        />
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setBuildingSearch }}
          disabled={!gridId}
          className="gd-scr-filter-building"
          data-testid="queue-building"
          placeholder={gridId ? t('screening.queue.allBuildings') : t('screening.queue.pickGridFirst')}
          value={buildingId}
          loading={buildings.isFetching}
          onChange={(b: string | undefined) => {
            setBuildingId(b);
            setPage(1);
          }}
          options={(buildings.data?.rows ?? []).map((b) => ({ value: b.id, label: addressParts(b.address).distinct, title: b.address }))}
        />
        <Select
          mode="multiple"
          allowClear
          className="gd-scr-filter-result"
          data-testid="queue-results"
          placeholder={t('screening.queue.allResults')}
          value={results}
          onChange={(r: VisitResult[]) => {
            setResults(r);
            setPage(1);
          }}
          options={visitResults.map((r) => ({ value: r, label: t(resultOf(r).label) }))}
        />
      </Space>
      {queue.isError && !queue.data ? (
        <ErrorState compact error={queue.error} onRetry={() => void queue.refetch()} testId="queue-error" />
      ) : (
        <Table<ScreeningHousehold>
          size="small"
          rowKey="householdId"
          loading={queue.isFetching}
          columns={columns}
          dataSource={queue.data?.rows ?? []}
          locale={{ emptyText: t('screening.queue.empty') }}
          onRow={(h) => {
            const attrs: Record<string, string> = { 'data-testid': `queue-row-${h.householdId}` };
            return attrs;
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: queue.data?.total ?? 0,
            showSizeChanger: false,
            size: 'small',
            onChange: setPage,
          }}
        />
      )}
      <VisitModal roundId={roundId} household={visiting} onClose={() => setVisiting(null)} />
    </div>
  );
}
