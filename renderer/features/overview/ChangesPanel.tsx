import type { OverviewStatusChanges } from '../../../electron/api';
import { hashHref } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { buildingOnMapHref } from '../map/map-href';
import { StatusTag } from '../statuses/StatusTag';
import { useStatusStyles } from '../statuses/use-status-styles';
import { Figure } from './Figure';
import { Panel } from './Panel';

/** The buildings list with the latest status changes on top, of one status or of all. */
const changedHref = (status?: string) => hashHref('buildings', [], { ...(status ? { status } : {}), sort: 'statusSince', order: 'desc' });

/** Status changes since the last shift: how many buildings, to which status, the latest few. */
export function ChangesPanel({ changes }: { changes: OverviewStatusChanges }) {
  const t = useT();
  const label = useStatusStyles().look;
  return (
    <Panel title={t('overview.changes.title')} testId="overview-changes">
      <div className="gd-ov-figures">
        <Figure value={changes.buildings} label={t('overview.changes.buildings')} href={changedHref()} testId="overview-changed-buildings" />
        {changes.byStatus.map((s) => (
          <Figure
            key={s.status}
            value={s.buildings}
            label={t('overview.changes.toStatus', { status: label(s.status).label })}
            href={changedHref(s.status)}
            testId={`overview-changed-to-${s.status}`}
          />
        ))}
      </div>
      {changes.latest.length === 0 ? (
        <p className="gd-ov-empty">{t('overview.changes.none')}</p>
      ) : (
        <>
          <h3 className="gd-ov-subhead">{t('overview.changes.latest')}</h3>
          <ul className="gd-ov-list">
            {changes.latest.map((c) => (
              <li key={`${c.buildingId}-${c.changedAt}-${c.status}`}>
                <a href={buildingOnMapHref(c.buildingId)} data-testid="overview-change" data-building-id={c.buildingId}>
                  <span className="gd-ov-item-main">{c.address}</span>
                  <span className="gd-ov-item-sub">
                    {c.previousStatus ? <StatusTag status={c.previousStatus} /> : null} → <StatusTag status={c.status} /> {formatDateTime(c.changedAt)} · {c.changedBy}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
