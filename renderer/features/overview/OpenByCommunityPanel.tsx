import type { OverviewRequests } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { areaOnMapHref } from '../map/map-href';
import { Figure } from './Figure';
import { Panel } from './Panel';
import { openNeedsHref } from './RequestsPanel';

/** Open requests for help and incidents per community: the list of a community's buildings, or the community on the map. */
export function OpenByCommunityPanel({ requests }: { requests: OverviewRequests }) {
  const t = useT();
  return (
    <Panel title={t('overview.open.title')} testId="overview-open">
      <div className="gd-ov-figures">
        <Figure value={requests.openNeeds} label={t('overview.open.needs')} href={openNeedsHref()} testId="overview-open-needs" />
        <Figure value={requests.openIncidents} label={t('overview.open.incidents')} tone={requests.openIncidents > 0 ? 'alert' : 'default'} href="#/map" testId="overview-open-incidents" />
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
                    <a href={openNeedsHref(c.communityId)} data-testid="overview-community-needs" data-value={c.openNeeds}>
                      {formatNumber(c.openNeeds)}
                    </a>
                  </td>
                  <td>
                    <a href={onMap} data-testid="overview-community-incidents" data-value={c.openIncidents}>
                      {formatNumber(c.openIncidents)}
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
