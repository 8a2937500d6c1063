import { useCallback, useMemo, useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import type { BuildingFilter } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { describeError } from '../../ui/error-text';
import { currentHashLocation, navigate, replaceHash } from '../../app/use-hash-route';
import { BuildingFilters } from './BuildingFilters';
import { BuildingsTable } from './BuildingsTable';
import { downloadFile } from '../../api/files';
import { useJobFinished } from '../jobs/use-jobs';
import { cleanFilter, PAGE_SIZE, readTableState, writeTableState, type TableState } from './table-state';
import { rememberTableQuery } from './table-return';

/** 楼栋: every building of the street (a grid worker's grids), filtered, sorted and paged by the service. */
export function BuildingsTablePage() {
  const t = useT();
  const { message } = App.useApp();
  const [state, setState] = useState<TableState>(() => readTableState(currentHashLocation().query));

  const update = useCallback((next: TableState) => {
    setState(next);
    const query = writeTableState(next);
    rememberTableQuery(query);
    replaceHash('buildings', [], query);
  }, []);

  const filter = useMemo(() => cleanFilter(state.filter), [state.filter]);
  const list = useApiQuery(
    'buildings.list',
    { filter, sort: state.sort, page: state.page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  const watchExport = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    const { rows } = job.result as { rows: number };
    void downloadFile(job.file.fileId, job.file.name).then(
      () => void message.success(t('buildings.export.done', { rows: formatNumber(rows), file: job.file!.name })),
      (error: unknown) => void message.error(describeError(error, t).message),
    );
  });
  const exporter = useApiMutation('buildings.export', {
    onSuccess: watchExport,
    onError: (error) => void message.error(describeError(error, t).message),
  });

  const onFilter = useCallback((f: BuildingFilter) => update({ ...state, filter: f, page: 1 }), [state, update]);

  return (
    <div className="gd-bld-page" data-testid="buildings-page">
      <div className="gd-bld-head">
        <div>
          <h1 className="gd-bld-title">{t('buildings.title')}</h1>
          <div className="gd-bld-sub" data-testid="buildings-total">
            {list.data ? t('buildings.total', { count: formatNumber(list.data.total) }) : t('buildings.loading')}
          </div>
        </div>
        <Button
          icon={<DownloadOutlined />}
          loading={exporter.isPending}
          disabled={!list.data || list.data.total === 0}
          onClick={() => exporter.mutate({ filter, sort: state.sort })}
          data-testid="buildings-export"
        >
          {exporter.isPending ? t('buildings.export.running') : t('buildings.export')}
        </Button>
      </div>
      <BuildingFilters filter={state.filter} onChange={onFilter} />
      {list.isError && !list.data ? (
        <ErrorState compact error={list.error} onRetry={() => void list.refetch()} testId="buildings-error" />
      ) : (
        <BuildingsTable
          rows={list.data?.rows ?? []}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          state={state}
          onSortPage={(sort, page) => update({ ...state, sort, page })}
          onOpen={(id) => navigate('buildings', [id])}
        />
      )}
    </div>
  );
}
