import { Descriptions, Tag } from 'antd';
import type { BuildingDetail } from '../../../electron/api';
import { elapsed, formatDateTime, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { StatusTag } from './StatusTag';

/** Where the building is, its status since when, and its size in figures. */
export function BuildingFacts({ building, now }: { building: BuildingDetail; now: number }) {
  const t = useT();
  const since = elapsed(building.statusSince, now);
  const figures: { key: string; label: string; value: string }[] = [
    { key: 'floors', label: t('building.floors'), value: formatNumber(building.floors) },
    { key: 'units', label: t('building.units'), value: formatNumber(building.unitCount) },
    { key: 'households', label: t('building.households'), value: formatNumber(building.households) },
    { key: 'residents', label: t('building.residents'), value: formatNumber(building.residents) },
  ];
  return (
    <>
      <div className="gd-panel-status" data-testid="building-status">
        <StatusTag status={building.status} testId="building-status-tag" />
        <span className="gd-panel-since">
          {t('building.since', { date: formatDateTime(building.statusSince) })}
          {' · '}
          {t('building.duration', { duration: t(`duration.${since.unit}`, { n: since.n }) })}
        </span>
      </div>
      <div className="gd-figures" data-testid="building-figures">
        {figures.map((f) => (
          <div key={f.key} className="gd-figure" data-testid={`building-${f.key}`}>
            <div className="gd-figure-value">{f.value}</div>
            <div className="gd-figure-label">{f.label}</div>
          </div>
        ))}
      </div>
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
                {building.grid.name}
                <span className="gd-code">{building.grid.code}</span>
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
