import { useState } from 'react';
import { App, Button, Card, Form, Radio, Select } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { BundleExportResult } from '../../../electron/api';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { useJobFinished } from '../jobs/use-jobs';

/** Export: recipients from the trust list, the scope; the job's file is saved when it is done. */
export function ExportCard() {
  const t = useT();
  const { message } = App.useApp();
  const partners = useApiQuery('bundles.partners', {});
  const [to, setTo] = useState<string[]>([]);
  const [scope, setScope] = useState<'sinceLast' | 'all'>('sinceLast');
  const watch = useJobFinished((job) => {
    if (job.state !== 'done') return;
    const r = job.result as BundleExportResult;
    setTo([]);
    setScope('sinceLast');
    void message.success(t('exchange.export.done', { sequence: r.sequence, rows: r.rows }));
    void downloadFile(r.fileId, r.name);
  });
  const start = useApiMutation('bundles.export', { onSuccess: watch, onError: (error) => void message.error(describeError(error, t).message) });
  const options = (partners.data ?? []).filter((p) => !p.revokedAt).map((p) => ({ value: p.id, label: `${p.name}（${p.officeCode}）` }));
  return (
    <Card title={t('exchange.export')} size="small" data-testid="exchange-export">
      <Form layout="vertical">
        <Form.Item label={t('exchange.export.to')}>
          <Select mode="multiple" value={to} onChange={setTo} options={options} data-testid="exchange-export-to" />
        </Form.Item>
        <Form.Item label={t('exchange.export.scope')}>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'sinceLast' | 'all')}>
            <Radio value="sinceLast">{t('exchange.export.scope.sinceLast')}</Radio>
            <Radio value="all" data-testid="exchange-export-all">
              {t('exchange.export.scope.all')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" icon={<ExportOutlined />} disabled={to.length === 0} loading={start.isPending} onClick={() => start.mutate({ partnerIds: to, scope })} data-testid="exchange-export-start">
          {t('exchange.export.start')}
        </Button>
      </Form>
    </Card>
  );
}
