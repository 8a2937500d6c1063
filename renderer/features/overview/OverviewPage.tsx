import { Segmented, Tag } from 'antd';
import type { OverviewSinceKind } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { ChangesPanel } from './ChangesPanel';
import { EndingPanel } from './EndingPanel';
import { OpenByCommunityPanel } from './OpenByCommunityPanel';
import { RequestsPanel } from './RequestsPanel';
import { ScreeningPanel } from './ScreeningPanel';
import { StaffingPanel } from './StaffingPanel';
import './overview.css';

const readSince = (value: string | null): OverviewSinceKind => (value === 'shift' ? 'shift' : 'lastSignIn');

/**
 * 总览: where a duty officer starts the shift. What changed since the last shift, what ends within
 * 24 hours, what is open by community, the screening round; each figure opens what is behind it.
 */
export function OverviewPage() {
  const t = useT();
  const since = readSince(useHashLocation().query.get('since'));
  const overview = useApiQuery('overview.get', { since }, { refetchInterval: 60_000 });
  const data = overview.data;

  let sinceText: string | null = null;
  if (data) {
    sinceText =
      since === 'lastSignIn' && data.since.previousSignInAt === null
        ? t('overview.since.noPrevious', { at: formatDateTime(data.since.shiftStartAt) })
        : t('overview.since.from', { at: formatDateTime(data.since.at) });
  }

  return (
    <div className="gd-page" data-testid="page-overview">
      <div className="gd-ov-head">
        <h1 className="gd-ov-title">{t('overview.title')}</h1>
        {data?.scope === 'grids' ? <Tag color="blue">{t('overview.scope.grids')}</Tag> : null}
        <div className="gd-ov-since">
          <span className="gd-ov-since-label">{t('overview.since.label')}</span>
          <Segmented<OverviewSinceKind>
            value={since}
            onChange={(value) => replaceHash('overview', [], value === 'shift' ? { since: value } : {})}
            options={[
              { value: 'lastSignIn', label: t('overview.since.lastSignIn') },
              { value: 'shift', label: t('overview.since.shift') },
            ]}
            data-testid="overview-since"
          />
          {sinceText ? (
            <span className="gd-ov-since-at" data-testid="overview-since-at">
              {sinceText}
            </span>
          ) : null}
        </div>
      </div>
      {overview.isPending ? <LoadingState text={t('overview.loading')} testId="overview-loading" /> : null}
      {overview.isError ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} testId="overview-error" /> : null}
      {data ? (
        <div className="gd-ov-grid">
          <ChangesPanel changes={data.statusChanges} />
          <RequestsPanel requests={data.requests} />
          <EndingPanel ending={data.ending} />
          <OpenByCommunityPanel requests={data.requests} />
          <ScreeningPanel round={data.screening} />
          <StaffingPanel staffing={data.staffing} />
        </div>
      ) : null}
    </div>
  );
}
