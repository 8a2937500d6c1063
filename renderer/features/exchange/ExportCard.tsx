import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ExportOutlined } from '@ant-design/icons';
import type { BundleExportResult } from '../../../electron/api';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { useJobFinished } from '../jobs/use-jobs';
import { AreaPicker, type AreaValue } from './AreaPicker';
import { BUNDLE_KINDS, bundleKinds, type BundleKind } from '../../../messages/bundle-kinds';

type Scope = 'sinceLast' | 'all' | 'sinceDate';
const WHOLE: AreaValue = { communityIds: [], gridIds: [] };

/** Export: recipients from the trust list, the scope (when, and which communities or grids); the job's file is saved when it is done. */
export function ExportCard() {
  const t = useT();
  const { message } = App.useApp();
  const partners = useApiQuery('bundles.partners', {});
  const [to, setTo] = useState<string[]>([]);
  const [scope, setScope] = useState<Scope>('sinceLast');
  const [since, setSince] = useState<Dayjs | null>(null);
  const [area, setArea] = useState<AreaValue>(WHOLE);
  const [kinds, setKinds] = useState<BundleKind[]>([]);
  const [aggregate, setAggregate] = useState(false);
  const watch = useJobFinished((job) => {
    if (job.state !== 'done') return;
    const r = job.result as BundleExportResult;
    setTo([]);
    setScope('sinceLast');
    setSince(null);
    setArea(WHOLE);
    setKinds([]);
    setAggregate(false);
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
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as Scope)} disabled={aggregate}>
            <Radio value="sinceLast">{t('exchange.export.scope.sinceLast')}</Radio>
            <Radio value="all" data-testid="exchange-export-all">
              {t('exchange.export.scope.all')}
            </Radio>
            <Radio value="sinceDate" data-testid="exchange-export-since-date">
              {t('exchange.export.scope.sinceDate')}
            </Radio>
          </Radio.Group>
          {scope === 'sinceDate' && <DatePicker value={since} onChange={setSince} style={{ marginTop: 8 }} placeholder={t('exchange.export.since')} data-testid="exchange-export-since" />}
        </Form.Item>
        <Form.Item label={t('exchange.export.area')} extra={t('exchange.export.area.hint')}>
          <AreaPicker value={area} onChange={setArea} />
        </Form.Item>
        <Form.Item extra={t('exchange.export.aggregate.hint')}>
          <Checkbox checked={aggregate} onChange={(e) => setAggregate(e.target.checked)} data-testid="exchange-export-aggregate">
            {t('exchange.export.aggregate')}
          </Checkbox>
        </Form.Item>
        <Form.Item label={t('exchange.export.kinds')} extra={t('exchange.export.kinds.hint')} hidden={aggregate}>
          <Checkbox.Group
            value={kinds}
            onChange={(v) => setKinds(v)}
            options={bundleKinds.map((k) => ({ value: k, label: BUNDLE_KINDS[k][t.locale] }))}
            data-testid="exchange-export-kinds"
          />
        </Form.Item>
        <Button
          type="primary"
          icon={<ExportOutlined />}
          disabled={to.length === 0 || (!aggregate && scope === 'sinceDate' && !since)}
          loading={start.isPending}
          onClick={() => start.mutate({ partnerIds: to, scope: aggregate ? 'all' : scope, ...(!aggregate && scope === 'sinceDate' && since ? { since: since.format('YYYY-MM-DD') } : {}), ...area, ...(aggregate ? { aggregate } : kinds.length > 0 ? { kinds } : {}) })}
          data-testid="exchange-export-start"
        >
          {t('exchange.export.start')}
        </Button>
      </Form>
    </Card>
  );
}
