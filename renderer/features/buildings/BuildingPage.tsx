import { useQueryClient } from '@tanstack/react-query';
import { useApiEvent } from '../../api/events';
import { useBuilding } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useCan } from '../auth/session';
import { BuildingHeader } from './BuildingHeader';
import { BuildingHistory } from '../statuses/BuildingHistory';
import { BuildingSummary } from './BuildingSummary';
import { BuildingHeads } from './BuildingHeads';
import { HouseholdsSection } from './HouseholdsSection';
import { BuildingRequests } from '../requests/BuildingRequests';

/** One building: status and history, heads, households by unit, its resident requests. */
export function BuildingPage({ id }: { id: string }) {
  const t = useT();
  const can = useCan();
  const client = useQueryClient();
  const building = useBuilding(id);

  const refetch = () => {
    void client.invalidateQueries({
      predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('buildings.') && (q.queryKey[1] as { id?: string })?.id === id,
    });
  };
  useApiEvent('data.changed', ({ domains }) => {
    if (domains.includes('buildings') || domains.includes('requests') || domains.includes('*')) refetch();
  });

  if (building.isPending) return <LoadingState text={t('building.loading')} testId="building-page-loading" />;
  if (building.isError) return <ErrorState error={building.error} onRetry={() => void building.refetch()} testId="building-page-error" />;
  const data = building.data;
  const canEdit = can('buildings.edit');

  return (
    <div className="gd-bp" data-testid="building-page" data-building-id={id}>
      <BuildingHeader building={data} canEdit={canEdit} />
      <div className="gd-bp-body">
        <div className="gd-bp-main">
          <BuildingRequests buildingId={id} requests={data.requests} />
          <section className="gd-bp-card">
            <div className="gd-bp-card-head">
              <h2>{t('buildings.households.title')}</h2>
            </div>
            <HouseholdsSection id={id} />
          </section>
        </div>
        <aside className="gd-bp-side">
          <section className="gd-bp-card">
            <div className="gd-bp-card-head">
              <h2>{t('buildings.summary.title')}</h2>
            </div>
            <BuildingSummary detail={data} />
          </section>
          <section className="gd-bp-card">
            <div className="gd-bp-card-head">
              <h2>{t('building.heads')}</h2>
            </div>
            <BuildingHeads heads={data.heads} />
          </section>
          <section className="gd-bp-card">
            <div className="gd-bp-card-head">
              <h2>{t('buildings.history.title')}</h2>
            </div>
            <div className="gd-bp-history">
              <BuildingHistory id={id} />
            </div>
          </section>
        </aside>
      </div>
    </div>
  );
}
