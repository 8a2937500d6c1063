import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ErrorState } from '../../ui/ErrorState';
import { useJobFinished } from '../jobs/use-jobs';
import { ImportWizard } from '../imports/ImportWizard';
import { GridEditor } from './GridEditor';
import { TerritoryImport } from './TerritoryImport';
import { BasemapCard } from './BasemapCard';
import './territory.css';

/** 辖区: the street office, its territory brought in from GIS files, and the territory exported for the city. */
export function TerritoryPage() {
  const t = useT();
  const { message } = App.useApp();
  const office = useApiQuery('territory.office', {});
  const client = useQueryClient();
  const [residents, setResidents] = useState(false);
  const watchExport = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    void downloadFile(job.file.fileId, job.file.name).catch((err: unknown) => void message.error(describeError(err, t).message));
  });
  const exportCall = useApiMutation('territory.export', {
    onSuccess: watchExport,
    onError: (error) => void message.error(describeError(error, t).message),
  });

  if (office.isError) return <ErrorState error={office.error} onRetry={() => void office.refetch()} />;
  const info = office.data;
  return (
    <div className="gd-territory" data-testid="territory-page">
      <Typography.Title level={3}>{t('territory.title')}</Typography.Title>
      <Card title={t('territory.office')} size="small" data-testid="territory-office">
        {info ? (
          <Descriptions size="small" column={4}>
            <Descriptions.Item label={t('setup.office.name')}>{info.name}</Descriptions.Item>
            <Descriptions.Item label={t('setup.office.code')}>{info.code}</Descriptions.Item>
            <Descriptions.Item label={t('setup.office.city')}>
              {info.city} {info.district}
            </Descriptions.Item>
            <Descriptions.Item label={t('territory.title')}>
              <span data-testid="territory-counts">{t('territory.office.counts', { communities: info.communities, grids: info.grids, buildings: info.buildings })}</span>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('territory.office.none')}</Typography.Text>
        )}
      </Card>
      {info ? (
        <>
          <Card title={t('basemap.title')} size="small">
            <BasemapCard />
          </Card>
          <Card title={t('territory.import.title')} size="small">
            <TerritoryImport />
          </Card>
          <Card title={t('territory.residents.title')} size="small">
            <Typography.Paragraph type="secondary">{t('territory.residents.help')}</Typography.Paragraph>
            <Button icon={<TeamOutlined />} onClick={() => setResidents(true)} data-testid="territory-residents-import">
              {t('territory.residents.open')}
            </Button>
          </Card>
          <Card title={t('territory.edit.title')} size="small">
            <GridEditor />
          </Card>
          <Card title={t('territory.export.title')} size="small">
            <Typography.Paragraph type="secondary">{t('territory.export.help')}</Typography.Paragraph>
            <Space>
              <Button icon={<DownloadOutlined />} loading={exportCall.isPending} onClick={() => exportCall.mutate({ format: 'geojson' })} data-testid="territory-export-geojson">
                {t('territory.export.geojson')}
              </Button>
              <Button icon={<DownloadOutlined />} loading={exportCall.isPending} onClick={() => exportCall.mutate({ format: 'shapefile' })} data-testid="territory-export-shapefile">
                {t('territory.export.shapefile')}
              </Button>
            </Space>
          </Card>
        </>
      ) : null}
      {residents ? (
        <ImportWizard kind="residents" title={t('territory.residents.wizard')} onClose={() => setResidents(false)} onApplied={() => void client.invalidateQueries()} />
      ) : null}
    </div>
  );
}
