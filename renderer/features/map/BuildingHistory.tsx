import { useApiQuery } from '../../api/queries';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useT } from '../../i18n';
import { StatusHistory } from './StatusHistory';

/** The full history of one building (`buildings.history`), newest first. */
export function BuildingHistory({ id }: { id: string }) {
  const t = useT();
  const history = useApiQuery('buildings.history', { id });
  if (history.isPending) return <LoadingState text={t('building.history.loading')} testId="building-history-loading" />;
  if (history.isError) return <ErrorState compact error={history.error} onRetry={() => void history.refetch()} testId="building-history-error" />;
  return <StatusHistory history={history.data} />;
}
