import { useState } from 'react';
import { Tag } from 'antd';
import type { OverviewRequest, OverviewRequests } from '../../../electron/api';
import { requestsHref } from '../requests/requests-href';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Figure } from './Figure';
import { Panel } from './Panel';

/** The 诉求 page with the open needs (or incidents) of the street or of one community. */
export const openRequestsHref = (group: 'need' | 'incident', communityId?: string) => requestsHref({ group, open: true, ...(communityId ? { communityId } : {}) });

/**
 * New requests for help and incidents since the last shift. The figures show their newest items
 * here, each opening in the 诉求 page; the list link opens the whole queue.
 */
export function RequestsPanel({ requests }: { requests: OverviewRequests }) {
  const t = useT();
  const [kind, setKind] = useState<OverviewRequest['kind'] | null>(null);
  const toggle = (k: OverviewRequest['kind']) => setKind((now) => (now === k ? null : k));
  const shown = requests.latest.filter((r) => kind === null || r.kind === kind);
  return (
    <Panel
      title={t('overview.requests.latest')}
      extra={
        <a href={requestsHref()} data-testid="overview-needs-list">
          {t('overview.list')}
        </a>
      }
      testId="overview-requests"
    >
      <div className="gd-ov-figures">
        <Figure value={requests.newNeeds} label={t('overview.requests.newNeeds')} onClick={() => toggle('need')} active={kind === 'need'} testId="overview-new-needs" />
        <Figure
          value={requests.newIncidents}
          label={t('overview.requests.newIncidents')}
          onClick={() => toggle('incident')}
          active={kind === 'incident'}
          tone={requests.newIncidents > 0 ? 'alert' : 'default'}
          testId="overview-new-incidents"
        />
      </div>
      {shown.length === 0 ? (
        <p className="gd-ov-empty">{t('overview.requests.none')}</p>
      ) : (
        <ul className="gd-ov-list" data-testid="overview-request-list">
          {shown.map((r) => (
            <li key={`${r.kind}-${r.id}`}>
              <a href={requestsHref({}, r.id)} data-testid={`overview-${r.kind}`} data-building-id={r.buildingId}>
                <span className="gd-ov-item-main">
                  <Tag color={r.kind === 'incident' ? 'red' : 'blue'}>{t(r.kind === 'incident' ? 'overview.requests.incident' : 'overview.requests.need')}</Tag>
                  {r.title}
                </span>
                <span className="gd-ov-item-sub">
                  {r.address} · {formatDateTime(r.at)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
