import { useDeferredValue, useState } from 'react';
import { App, Button, Input, Select, Space } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { volunteerKinds, volunteerStatuses, type RosterFilter } from '../../../electron/api';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { useCan } from '../auth/session';
import { ImportWizard } from '../imports/ImportWizard';
import { useJobFinished } from '../jobs/use-jobs';
import { RosterList } from './RosterList';

/** 名册: filters, search, the virtual roster, import from Excel, the template and the export. */
export function RosterTab({ onOpen }: { onOpen(id: string): void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const can = useCan();
  const [filter, setFilter] = useState<RosterFilter>({});
  const [typed, setTyped] = useState('');
  const q = useDeferredValue(typed.trim());
  const [importing, setImporting] = useState(false);
  const options = useApiQuery('volunteers.options', {});
  const fail = (e: unknown) => void message.error(describeError(e, t).message);
  const watchExport = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    void downloadFile(job.file.fileId, job.file.name).catch(fail);
  });
  const exporter = useApiMutation('volunteers.export', { onSuccess: (job) => (message.info(t('volunteers.exportStarted')), watchExport(job)), onError: fail });
  const template = useApiMutation('volunteers.template', { onSuccess: (f) => void downloadFile(f.fileId, f.name).catch(fail), onError: fail });
  const shown: RosterFilter = { ...filter, ...(q ? { q } : {}) };
  const set = <K extends keyof RosterFilter>(key: K, value: RosterFilter[K] | undefined) =>
    setFilter((f) => {
      const next = { ...f };
      if (value === undefined || value === null) delete next[key];
      else next[key] = value;
      return next;
    });
  return (
    <div className="gd-roster-tab">
      <Space wrap className="gd-roster-filters">
        <Input.Search allowClear placeholder={t('volunteers.search')} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 260 }} data-testid="volunteer-search" />
        <Select allowClear placeholder={t('volunteers.filter.kind')} style={{ width: 150 }} value={filter.kind} onChange={(v) => set('kind', v)} options={volunteerKinds.map((k) => ({ value: k, label: t(`volunteers.kind.${k}`) }))} data-testid="volunteer-filter-kind" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('volunteers.filter.community')} style={{ width: 160 }} value={filter.communityId} onChange={(v) => set('communityId', v)} options={options.data?.communities.map((c) => ({ value: c.id, label: c.name })) ?? []} data-testid="volunteer-filter-community" />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('volunteers.filter.team')}
          style={{ width: 180 }}
          value={filter.teamId}
          onChange={(v) => set('teamId', v)}
          options={options.data?.teams.map((x) => ({ value: x.id, label: x.communityName ? `${x.name}（${x.communityName}）` : x.name })) ?? []}
          data-testid="volunteer-filter-team"
        />
        <Select allowClear placeholder={t('volunteers.filter.specialty')} style={{ width: 130 }} value={filter.specialty} onChange={(v) => set('specialty', v)} options={options.data?.specialties.map((s) => ({ value: s.name, label: `${s.name}（${s.count}）` })) ?? []} data-testid="volunteer-filter-specialty" />
        <Select allowClear placeholder={t('volunteers.filter.status')} style={{ width: 110 }} value={filter.status} onChange={(v) => set('status', v)} options={volunteerStatuses.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))} data-testid="volunteer-filter-status" />
        <Select
          allowClear
          placeholder={t('volunteers.filter.active')}
          style={{ width: 130 }}
          value={filter.active === undefined ? undefined : filter.active ? 'yes' : 'no'}
          onChange={(v?: 'yes' | 'no') => set('active', v === undefined ? undefined : v === 'yes')}
          options={(['yes', 'no'] as const).map((v) => ({ value: v, label: t(`volunteers.active.${v}`) }))}
          title={t('volunteers.filter.active')}
          data-testid="volunteer-filter-active"
        />
        {can('volunteers.edit') && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="volunteer-import">
              {t('volunteers.import')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={template.isPending} onClick={() => template.mutate({})} data-testid="volunteer-template">
              {t('volunteers.template')}
            </Button>
          </>
        )}
        <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(shown)} data-testid="volunteer-export">
          {t('volunteers.export')}
        </Button>
      </Space>
      <RosterList filter={shown} onOpen={onOpen} />
      {importing && (
        <ImportWizard
          kind="volunteers"
          title="志愿者报名表"
          onClose={() => setImporting(false)}
          onApplied={() => void client.invalidateQueries({ queryKey: ['volunteers.roster'] }).then(() => client.invalidateQueries({ queryKey: ['volunteers.options'] }))}
        />
      )}
    </div>
  );
}
