import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { BundleMergeCounts, BundlePreview } from '../../../electron/api';
import { pickAndUploadFile } from '../../api/files';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../../ui/error-text';
import { useJobFinished } from '../jobs/use-jobs';
import { ReportTable } from './ReportTable';

const OUTCOMES = ['create', 'update', 'unchanged', 'conflict'] as const;

/** Import: pick a file → signature, decryption and manifest checked, dry run shown → confirm → a job merges it. */
export function ImportCard() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [checking, setChecking] = useState(false);
  const [staged, setStaged] = useState<{ fileId: string; preview: BundlePreview } | null>(null);
  const [allowReplay, setAllowReplay] = useState(false);
  const watch = useJobFinished((job) => {
    if (job.state === 'done') {
      const r = job.result as BundlePreview & { conflicts: number };
      if (r.report) void message.success(t('exchange.preview.reportDone', { rows: r.report.length }));
      else void message.success(t('exchange.preview.done', { create: r.totals.create, update: r.totals.update, conflict: r.totals.conflict }));
      setStaged(null);
      void client.invalidateQueries();
    } else if (job.error) void message.error(job.error.message);
  });
  const apply = useApiMutation('bundles.import', { onSuccess: watch, onError: (error) => void message.error(describeError(error, t).message) });
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const watchPreview = useJobFinished((job) => {
    setChecking(false);
    if (job.state === 'done' && checkingId) setStaged({ fileId: checkingId, preview: job.result as BundlePreview });
    else if (job.error) void message.error(job.error.message);
  });
  const check = useApiMutation('bundles.preview', {
    onSuccess: watchPreview,
    onError: (error) => {
      setChecking(false);
      void message.error(describeError(error, t).message);
    },
  });

  const pick = async () => {
    setStaged(null);
    setAllowReplay(false);
    try {
      const file = await pickAndUploadFile({ accept: ['.gdbundle'] });
      if (!file) return;
      setChecking(true);
      setCheckingId(file.fileId);
      check.mutate({ fileId: file.fileId });
    } catch (error) {
      setChecking(false);
      void message.error(describeError(error, t).message);
    }
  };

  const p = staged?.preview;
  const rows = p ? Object.entries(p.byTable).map(([table, counts]) => ({ table, ...counts })) : [];
  return (
    <Card title={t('exchange.import')} size="small" data-testid="exchange-import">
      <Button icon={<ImportOutlined />} loading={checking} onClick={() => void pick()} data-testid="exchange-import-pick">
        {checking ? t('exchange.import.checking') : t('exchange.import.pick')}
      </Button>
      {p ? (
        <div className="gd-exchange-section" data-testid="exchange-preview">
          <Typography.Title level={5}>{t('exchange.preview.title')}</Typography.Title>
          <div>{t('exchange.preview.sender', { name: p.manifest.sender.officeName, code: p.manifest.sender.officeCode, sequence: p.manifest.sequence, at: formatDateTime(Date.parse(p.manifest.createdAt)) })}</div>
          <div>{p.fromSelf ? t('exchange.preview.self') : t('exchange.preview.signed', { name: p.signer.name, keyId: p.signer.keyId })}</div>
          {p.report ? <Alert className="gd-exchange-section" type="info" showIcon message={t('exchange.preview.report')} data-testid="exchange-report-note" /> : null}
          {p.report ? <ReportTable rows={p.report} /> : null}
          <Table<{ table: string } & BundleMergeCounts>
            style={p.report ? { display: 'none' } : undefined}
            className="gd-exchange-section"
            rowKey="table"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('exchange.col.table'), dataIndex: 'table' },
              ...OUTCOMES.map((o) => ({ title: t(`exchange.outcome.${o}`), dataIndex: o, align: 'right' as const })),
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>∑</Table.Summary.Cell>
                {OUTCOMES.map((o, i) => (
                  <Table.Summary.Cell key={o} index={i + 1} align="right">
                    <span data-testid={`exchange-total-${o}`}>{p.totals[o]}</span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
          {p.replayOf !== null ? (
            <Alert className="gd-exchange-section" type="warning" showIcon message={t('exchange.preview.replay', { last: p.replayOf })} data-testid="exchange-replay" />
          ) : null}
          {p.replayOf !== null ? (
            <Checkbox checked={allowReplay} onChange={(e) => setAllowReplay(e.target.checked)}>
              {t('exchange.preview.allowReplay')}
            </Checkbox>
          ) : null}
          {p.rejected.length > 0 ? (
            <Alert
              className="gd-exchange-section"
              type="error"
              showIcon
              message={t('exchange.preview.rejected', { count: p.rejected.length })}
              description={p.rejected.slice(0, 10).map((r) => (
                <div key={`${r.table}-${r.line}`}>{`${r.table} #${r.line}：${r.reason}`}</div>
              ))}
              data-testid="exchange-rejected"
            />
          ) : null}
          <Space className="gd-exchange-section">
            <Button
              type="primary"
              disabled={p.rejected.length > 0 || (p.replayOf !== null && !allowReplay)}
              loading={apply.isPending}
              onClick={() => apply.mutate({ fileId: staged.fileId, allowReplay })}
              data-testid="exchange-import-apply"
            >
              {p.report ? t('exchange.preview.reportApply') : t('exchange.preview.apply')}
            </Button>
            <Button onClick={() => setStaged(null)}>{t('exchange.preview.cancel')}</Button>
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
