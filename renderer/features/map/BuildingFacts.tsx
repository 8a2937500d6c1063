import { gridLabel } from '../../../messages';
import { Descriptions, Tag } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { SAFE_COMPOUND_FLAG_COLOR } from '../../../maps/status';
import type { BuildingDetail, BuildingStatusAt } from '../../../electron/api';
import { elapsed, formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { StatusTag } from '../statuses/StatusTag';

/** An end date this close (or past) is highlighted. */
const SOON = 48 * 3_600_000;

/**
 * Where the building is, its status since and until when, its 放心楼院 flag, and its size in
 * figures. With `asOf` (the history view) the status, since, until and duration are those of that
 * moment, counted to it.
 */
export function BuildingFacts({ building, now, asOf }: { building: BuildingDetail; now: number; asOf?: BuildingStatusAt | undefined }) {
  const t = useT();
  const status = asOf ? asOf : { status: building.status, since: building.statusSince, until: building.statusUntil, at: now };
  const since = status.since === null ? null : elapsed(status.since, status.at);
  const until = status.until;
  return (
    <>
      <div className="gd-panel-status" data-testid="building-status" data-at={asOf ? asOf.at : ''}>
        <StatusTag status={status.status} testId="building-status-tag" />
        <span className="gd-panel-since" data-testid="building-status-since">
          {asOf ? `${t('building.asOf', { date: formatDateTime(asOf.at) })} · ` : null}
          {since !== null && status.since !== null ? (
            <>
              {t('building.since', { date: formatDateTime(status.since) })}
              {' · '}
              {t('building.duration', { duration: t(`duration.${since.unit}`, { n: since.n }) })}
            </>
          ) : null}
        </span>
        {until !== null ? (
          <span
            className={until - status.at <= SOON ? 'gd-panel-until gd-until-soon' : 'gd-panel-until'}
            data-testid="building-status-until"
            data-soon={until - status.at <= SOON}
          >
            {t(until < status.at ? 'building.untilOverdue' : 'building.until', { date: formatDateTime(until) })}
          </span>
        ) : null}
      </div>
      {building.safeCompound ? (
        <div className="gd-safe" data-testid="building-safe">
          <FlagFilled style={{ color: SAFE_COMPOUND_FLAG_COLOR }} aria-hidden="true" />
          <span className="gd-safe-title">{t('map.safe.title')}</span>
          <span className="gd-safe-since">{t('map.safe.granted', { date: formatDate(building.safeCompound.grantedAt) })}</span>
          <div className="gd-safe-criteria">
            {building.safeCompound.criteria.map((c) => (
              <Tag key={c} variant="outlined" color="red">
                {c}
              </Tag>
            ))}
          </div>
        </div>
      ) : null}
      <Descriptions
        size="small"
        column={1}
        className="gd-facts"
        items={[
          {
            key: 'compound',
            label: t('building.compound'),
            children: (
              <span data-testid="building-compound">
                {building.compound.name}
                <Tag variant="filled" className="gd-fact-tag">
                  {t(`compound.${building.compound.kind}`)}
                </Tag>
              </span>
            ),
          },
          {
            key: 'grid',
            label: t('building.grid'),
            children: (
              <span data-testid="building-grid">
                {gridLabel(building.community.name, building.grid.name)}
                <span className="gd-code">{building.grid.code}</span>
              </span>
            ),
          },
          {
            key: 'size',
            label: t('building.size'),
            children: (
              <span data-testid="building-size">
                {t('unit.floor', { n: formatNumber(building.floors) })} · {t('building.unitCount', { n: formatNumber(building.unitCount) })}
              </span>
            ),
          },
          { key: 'zone', label: t('building.zone'), children: <span data-testid="building-zone">{building.zone.name}</span> },
          {
            key: 'community',
            label: t('building.community'),
            children: <span data-testid="building-community">{building.community.name}</span>,
          },
          {
            key: 'property',
            label: t('building.property'),
            children: (
              <span>
                {t(building.hasPropertyMgmt ? 'building.property.yes' : 'building.property.no')}
                {building.openCompound && building.compound.kind !== 'open' ? (
                  <Tag color="orange" variant="filled" className="gd-fact-tag">
                    {t('building.open')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
