import { useMemo, useState } from 'react';
import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { StatusDefinition } from '../../../electron/api';
import { useApiQuery, useMapLayers } from '../../api/queries';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { testId } from '../../ui/test-id';
import { StatusFormModal } from './StatusFormModal';
import { ImportWizard } from '../imports/ImportWizard';
import './admin.css';
import './statuses.css';

type Dialog = { kind: 'create' } | { kind: 'edit'; status: StatusDefinition } | { kind: 'import' } | null;

/** How many buildings have each status, from the map's layer data (already loaded for the map). */
function useBuildingCounts(): Map<string, number> | null {
  const layers = useMapLayers();
  const statuses = layers.data?.buildings.statuses;
  return useMemo(() => {
    if (!statuses) return null;
    const counts = new Map<string, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    return counts;
  }, [statuses]);
}

/** 状态设置: the configured control statuses, strictest first, with adding and editing them. */
export function StatusesPage() {
  const t = useT();
  const statuses = useApiQuery('statuses.list', {});
  const counts = useBuildingCounts();
  const [dialog, setDialog] = useState<Dialog>(null);
  const client = useQueryClient();

  const columns: TableColumnsType<StatusDefinition> = [
    {
      title: t('statuses.col.color'),
      dataIndex: 'color',
      width: 120,
      render: (color: string) => (
        <span className="gd-status-color" data-testid="status-swatch" data-color={color}>
          <span className="gd-status-color-chip" style={{ background: color }} aria-hidden="true" />
          <Typography.Text code>{color}</Typography.Text>
        </span>
      ),
    },
    { title: t('statuses.col.label'), dataIndex: 'label', render: (label: string) => <b data-testid="status-row-label">{label}</b> },
    { title: t('statuses.col.labelEn'), dataIndex: 'labelEn' },
    { title: t('statuses.col.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    {
      title: t('statuses.col.rank'),
      dataIndex: 'rank',
      width: 110,
      render: (rank: number) => (
        <span data-testid="status-row-rank">
          {rank}
          {rank === 0 ? <Tag className="gd-status-baseline">{t('statuses.baseline')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('statuses.col.retired'),
      dataIndex: 'retired',
      width: 100,
      render: (retired: boolean) =>
        retired ? <Tag data-testid="status-row-retired">{t('statuses.retired')}</Tag> : <Tag color="green">{t('statuses.active')}</Tag>,
    },
  ];
  if (counts) {
    columns.push({
      title: t('statuses.col.buildings'),
      key: 'buildings',
      width: 100,
      align: 'right',
      render: (_: unknown, s) => <span data-testid="status-row-buildings">{formatNumber(counts.get(s.key) ?? 0)}</span>,
    });
  }
  columns.push({
    title: t('statuses.col.actions'),
    key: 'actions',
    width: 100,
    render: (_: unknown, s) => (
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', status: s })} data-testid={`status-edit-${s.key}`}>
        {t('statuses.edit')}
      </Button>
    ),
  });

  const rows = useMemo(() => [...(statuses.data ?? [])].sort((a, b) => b.rank - a.rank || a.key.localeCompare(b.key)), [statuses.data]);

  return (
    <div className="gd-admin-page" data-testid="statuses-page">
      <div className="gd-admin-head">
        <div>
          <h1 className="gd-admin-title">{t('statuses.title')}</h1>
          {statuses.data ? <div className="gd-admin-sub">{t('statuses.sub', { count: statuses.data.length })}</div> : null}
        </div>
        <Space>
          <Button icon={<FileExcelOutlined />} onClick={() => setDialog({ kind: 'import' })} data-testid="status-import">
            {t('imports.open')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="status-create">
            {t('statuses.create')}
          </Button>
        </Space>
      </div>
      {statuses.isError ? (
        <ErrorState compact error={statuses.error} onRetry={() => void statuses.refetch()} testId="statuses-error" />
      ) : (
        <Table<StatusDefinition>
          className="gd-admin-table"
          data-testid="statuses-table"
          rowKey="key"
          size="middle"
          loading={statuses.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          onRow={(s) => testId(`status-row-${s.key}`)}
          rowClassName={(s) => (s.retired ? 'gd-row-disabled' : '')}
        />
      )}
      {dialog?.kind === 'create' ? <StatusFormModal status={null} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'import' ? (
        <ImportWizard
          kind="statuses"
          title={t('statuses.importTitle')}
          onClose={() => setDialog(null)}
          onApplied={() => void client.invalidateQueries({ queryKey: ['statuses.list'] })}
        />
      ) : null}
      {dialog?.kind === 'edit' ? <StatusFormModal key={dialog.status.key} status={dialog.status} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
