import type { Overview } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { buildingOnMapHref } from '../map/map-href';
import { StatusTag } from '../statuses/StatusTag';
import { Panel } from './Panel';

/** Control statuses that end within 24 hours, soonest first: each opens its building on the map. */
export function EndingPanel({ ending }: { ending: Overview['ending'] }) {
  const t = useT();
  const more = ending.total - ending.items.length;
  return (
    <Panel
      title={t('overview.ending.title')}
      extra={
        <span className="gd-ov-count" data-testid="overview-ending-total">
          {ending.total}
        </span>
      }
      testId="overview-ending"
    >
      {ending.items.length === 0 ? (
        <p className="gd-ov-empty">{t('overview.ending.none')}</p>
      ) : (
        <ul className="gd-ov-list">
          {ending.items.map((e) => (
            <li key={e.buildingId}>
              <a href={buildingOnMapHref(e.buildingId)} data-testid="overview-ending-item" data-building-id={e.buildingId}>
                <span className="gd-ov-item-main">{e.address}</span>
                <span className="gd-ov-item-sub">
                  <StatusTag status={e.status} /> {e.gridName} · {formatDateTime(e.until)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="gd-ov-empty">{t('overview.ending.more', { n: more })}</p> : null}
    </Panel>
  );
}
