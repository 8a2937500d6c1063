import { useCallback, useEffect, useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import type { RequestFilter } from '../../../electron/api';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { describeError } from '../../ui/error-text';
import { useCan } from '../auth/session';
import { useJobFinished } from '../jobs/use-jobs';
import { RequestDrawer } from './RequestDrawer';
import { RequestFilters } from './RequestFilters';
import { RequestFormModal } from './RequestFormModal';
import { RequestsTable } from './RequestsTable';
import { filterQuery, readFilter } from './requests-href';
import './requests.css';

const PAGE_SIZE = 50;

/** 诉求: the street's queue of resident requests (a grid worker's grids), overdue first; one opens in a drawer. */
export function RequestsPage() {
  const t = useT();
  const { message } = App.useApp();
  const location = useHashLocation();
  const canHandle = useCan()('requests.handle');
  const filter = readFilter(location.query);
  const openId = location.query.get('request');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const filterKey = JSON.stringify(filter);
  useEffect(() => setPage(1), [filterKey]);

  const go = useCallback((f: RequestFilter, request?: string | null) => replaceHash('requests', [], { ...filterQuery(f), ...(request ? { request } : {}) }), []);
  const list = useApiQuery('requests.list', { filter, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData, refetchInterval: 60_000 });

  const watchExport = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    const { rows } = job.result as { rows: number };
    void downloadFile(job.file.fileId, job.file.name).then(
      () => void message.success(t('requests.export.done', { rows: formatNumber(rows), file: job.file!.name })),
      (error: unknown) => void message.error(describeError(error, t).message),
    );
  });
  const exporter = useApiMutation('requests.export', { onSuccess: watchExport, onError: (error) => void message.error(describeError(error, t).message) });

  return (
    <div className="gd-req-page" data-testid="requests-page">
      <div className="gd-req-head">
        <div>
          <h1 className="gd-req-heading">{t('requests.title')}</h1>
          <div className="gd-muted" data-testid="requests-total">
            {list.data ? t('requests.total', { count: formatNumber(list.data.total) }) : t('requests.loading')}
          </div>
        </div>
        <div className="gd-req-head-tools">
          {canHandle ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="request-create">
              {t('requests.create')}
            </Button>
          ) : null}
          <Button icon={<DownloadOutlined />} loading={exporter.isPending} disabled={!list.data || list.data.total === 0} onClick={() => exporter.mutate({ filter })} data-testid="requests-export">
            {t('requests.export')}
          </Button>
        </div>
      </div>
      <RequestFilters filter={filter} onChange={(f) => go(f)} />
      {list.isError && !list.data ? (
        <ErrorState compact error={list.error} onRetry={() => void list.refetch()} testId="requests-error" />
      ) : (
        <RequestsTable
          rows={list.data?.rows ?? []}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          loading={list.isFetching}
          onPage={setPage}
          onOpen={(id) => go(filter, id)}
        />
      )}
      <RequestDrawer id={openId} onClose={() => go(filter)} />
      <RequestFormModal open={creating} onClose={() => setCreating(false)} onCreated={(r) => go(filter, r.id)} />
    </div>
  );
}
