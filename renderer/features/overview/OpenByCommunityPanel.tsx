import type { OverviewRequests } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { areaOnMapHref } from '../map/map-href';
import { Figure } from './Figure';
import { Panel } from './Panel';
import { openRequestsHref } from './RequestsPanel';
import { requestsHref } from '../requests/requests-href';

/** Open requests for help and incidents per community, and those past their limit: each opens the 诉求 page filtered, a community's name the map. */
export function OpenByCommunityPanel({ requests }: { requests: OverviewRequests }) {
  const t = useT();
  return (
    <Panel title={t('overview.open.title')} testId="overview-open">
      <div className="gd-ov-figures">
        <Figure value={requests.openNeeds} label={t('overview.open.needs')} href={openRequestsHref('need')} testId="overview-open-needs" />
        <Figure value={requests.openIncidents} label={t('overview.open.incidents')} tone={requests.openIncidents > 0 ? 'alert' : 'default'} href={openRequestsHref('incident')} testId="overview-open-incidents" />
        <Figure value={requests.overdue} label={t('overview.open.overdue')} tone={requests.overdue > 0 ? 'alert' : 'default'} href={requestsHref({ overdue: true })} testId="overview-overdue" />
      </div>
      {requests.byCommunity.length === 0 ? (
        <p className="gd-ov-empty">{t('overview.open.none')}</p>
      ) : (
        <table className="gd-ov-table">
          <thead>
            <tr>
              <th>{t('overview.open.community')}</th>
              <th>{t('overview.open.needs')}</th>
              <th>{t('overview.open.incidents')}</th>
              <th>{t('overview.open.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.byCommunity.map((c) => {
              const onMap = c.bounds ? areaOnMapHref(c.bounds) : '#/map';
              return (
                <tr key={c.communityId} data-testid="overview-community" data-community-id={c.communityId}>
                  <td>
                    <a href={onMap} title={t('overview.onMap')}>
                      {c.communityName}
                    </a>
                  </td>
                  <td>
                    <a href={openRequestsHref('need', c.communityId)} data-testid="overview-community-needs" data-value={c.openNeeds}>
                      {formatNumber(c.openNeeds)}
                    </a>
                  </td>
                  <td>
                    <a href={openRequestsHref('incident', c.communityId)} data-testid="overview-community-incidents" data-value={c.openIncidents}>
                      {formatNumber(c.openIncidents)}
                    </a>
                  </td>
                  <td>
                    <a
                      href={requestsHref({ overdue: true, communityId: c.communityId })}
                      className={c.overdue > 0 ? 'gd-ov-late' : undefined}
                      data-testid="overview-community-overdue"
                      data-value={c.overdue}
                    >
                      {formatNumber(c.overdue)}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
