import { useState } from 'react';
import { Button, List, Popconfirm, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportOutcome, ImportRow, ImportRun } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { testId } from '../../ui/test-id';
import { OUTCOME_COLORS, OUTCOME_KEYS } from './outcomes';

const PAGE_SIZE = 20;
const OUTCOMES: ImportOutcome[] = ['create', 'update', 'unchanged', 'conflict', 'reject'];

interface Props {
  run: ImportRun;
  applying: boolean;
  reporting: boolean;
  onApply(): void;
  onRemap(): void;
  onReport(): void;
}

/** What applying would do: counts per outcome, and the rows page by page with their reasons, filtered by outcome. */
export function PreviewStep({ run, applying, reporting, onApply, onRemap, onReport }: Props) {
  const t = useT();
  const [outcome, setOutcome] = useState<ImportOutcome | 'all'>('all');
  const [page, setPage] = useState(1);
  const rows = useApiQuery('imports.preview', { id: run.id, page, pageSize: PAGE_SIZE, ...(outcome === 'all' ? {} : { outcome }) });
  const c = run.counts;
  const skipped = c.reject + c.conflict;
  const mapped = run.fields.filter((f) => run.mapping[f.key] !== null && run.mapping[f.key] !== undefined);

  const columns: TableColumnsType<ImportRow> = [
    { title: t('imports.preview.row'), dataIndex: 'rowNo', width: 70 },
    {
      title: t('imports.preview.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: ImportOutcome) => <Tag color={OUTCOME_COLORS[o]}>{t(OUTCOME_KEYS[o])}</Tag>,
    },
    ...mapped.map((f) => ({
      title: run.headers[run.mapping[f.key]!],
      key: f.key,
      render: (_: unknown, r: ImportRow) => r.cells[run.mapping[f.key]!] ?? '',
    })),
    {
      title: t('imports.preview.reasons'),
      key: 'reasons',
      render: (_: unknown, r) =>
        r.problems.length ? (
          <List
            size="small"
            split={false}
            dataSource={r.problems}
            renderItem={(p) => <li className="gd-import-reason" data-testid="import-reason">{p.column ? `${p.column}：${p.reason}` : p.reason}</li>}
          />
        ) : null,
    },
  ];

  return (
    <div data-testid="import-preview">
      <p className="gd-import-summary" data-testid="import-summary">
        {t('imports.preview.summary', { total: c.total, create: c.create, update: c.update, unchanged: c.unchanged, skipped })}
      </p>
      <Segmented<ImportOutcome | 'all'>
        value={outcome}
        onChange={(v) => {
          setOutcome(v);
          setPage(1);
        }}
        options={[
          { value: 'all', label: `${t('imports.outcome.all')} ${c.total}` },
          ...OUTCOMES.map((o) => ({ value: o, label: <span data-testid={`import-count-${o}`}>{`${t(OUTCOME_KEYS[o])} ${c[o]}`}</span> })),
        ]}
        data-testid="import-filter"
      />
      {rows.isError ? (
        <ErrorState compact error={rows.error} onRetry={() => void rows.refetch()} testId="import-preview-error" />
      ) : (
        <Table<ImportRow>
          className="gd-import-table"
          size="small"
          rowKey="rowNo"
          loading={rows.isPending}
          columns={columns}
          dataSource={rows.data?.rows ?? []}
          onRow={(r) => testId(`import-row-${r.rowNo}`)}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: rows.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      )}
      <div className="gd-import-actions">
        <Button onClick={onRemap} data-testid="import-remap">
          {t('imports.preview.remap')}
        </Button>
        {skipped > 0 ? (
          <Button icon={<DownloadOutlined />} loading={reporting} onClick={onReport} data-testid="import-report">
            {t('imports.report')}
          </Button>
        ) : null}
        <Popconfirm
          title={t('imports.apply.confirm', { create: c.create, update: c.update })}
          onConfirm={onApply}
          okButtonProps={{ 'data-testid': 'import-apply-confirm' }}
          disabled={c.create + c.update === 0}
        >
          <Button type="primary" loading={applying} disabled={c.create + c.update === 0} data-testid="import-apply" title={c.create + c.update === 0 ? t('imports.apply.nothing') : undefined}>
            {t('imports.apply')}
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}
