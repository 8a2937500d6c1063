import { Tag } from 'antd';
import { AlertOutlined, ShoppingOutlined } from '@ant-design/icons';
import { needRequestKinds, type BuildingDetail } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { GROUPS } from './group-labels';
import { OverdueTag } from '../requests/OverdueTag';
import { useRequestWords } from '../requests/request-words';
import './building-summary.css';

const SHOWN = 3;

/** Counts by group, open needs and incidents of a building: shown in the map's panel and on the building page. */
export function BuildingSummary({ detail }: { detail: BuildingDetail }) {
  const t = useT();
  const { groups } = detail;
  const word = useRequestWords();
  const open = detail.requests.filter((r) => r.state === 'pending' || r.state === 'handling');
  const openNeeds = open.filter((r) => needRequestKinds.includes(r.kind));
  const openIncidents = open.filter((r) => !needRequestKinds.includes(r.kind));
  const figures = [
    { key: 'households', label: t('buildings.summary.households'), value: groups.households },
    { key: 'residents', label: t('buildings.summary.residents'), value: groups.residents },
    { key: 'registered', label: t('buildings.summary.registered'), value: groups.registered },
    { key: 'floating', label: t('buildings.summary.floating'), value: groups.floating },
  ];
  return (
    <section className="gd-bsum" data-testid="building-summary" aria-label={t('buildings.summary.title')}>
      <div className="gd-bsum-figures">
        {figures.map((f) => (
          <div key={f.key} className="gd-bsum-figure" data-testid={`summary-${f.key}`}>
            <span className="gd-bsum-value">{formatNumber(f.value)}</span>
            <span className="gd-bsum-label">{f.label}</span>
          </div>
        ))}
      </div>
      <div className="gd-bsum-groups">
        {GROUPS.map((g) => {
          const n = groups.tags[g.tag];
          return (
            <Tag
              key={g.tag}
              color={n > 0 ? g.color : undefined}
              variant={n > 0 ? 'filled' : 'outlined'}
              className={n > 0 ? 'gd-bsum-group' : 'gd-bsum-group gd-bsum-zero'}
              data-testid={`summary-group-${g.tag}`}
            >
              {t(g.label)} <b>{formatNumber(n)}</b>
            </Tag>
          );
        })}
      </div>
      <div className="gd-bsum-line" data-testid="summary-needs">
        <ShoppingOutlined aria-hidden="true" />
        <span className="gd-bsum-line-label">{t('buildings.summary.openNeeds')}</span>
        <b className={openNeeds.length > 0 ? 'gd-bld-hot' : 'gd-muted'} data-testid="summary-needs-count">
          {formatNumber(openNeeds.length)}
        </b>
      </div>
      {openNeeds.length > 0 ? (
        <ul className="gd-bsum-list">
          {openNeeds.slice(0, SHOWN).map((need) => (
            <li key={need.id}>
              <Tag className="gd-bsum-kind">{word('kind', need.kind)}</Tag>
              <OverdueTag row={need} />
              <span className="gd-bsum-text" title={need.title}>
                {need.title}
              </span>
              <span className="gd-bsum-who">{need.handler ?? t('buildings.need.unassigned')}</span>
            </li>
          ))}
          {openNeeds.length > SHOWN ? (
            <li className="gd-muted">{t('buildings.summary.more', { n: openNeeds.length - SHOWN })}</li>
          ) : null}
        </ul>
      ) : null}
      <div className="gd-bsum-line" data-testid="summary-incidents">
        <AlertOutlined aria-hidden="true" />
        <span className="gd-bsum-line-label">{t('buildings.summary.openIncidents')}</span>
        <b className={openIncidents.length > 0 ? 'gd-bld-hot' : 'gd-muted'} data-testid="summary-incidents-count">
          {formatNumber(openIncidents.length)}
        </b>
      </div>
      {openIncidents.length > 0 ? (
        <ul className="gd-bsum-list">
          {openIncidents.slice(0, SHOWN).map((incident) => (
            <li key={incident.id}>
              <OverdueTag row={incident} />
              <span className="gd-bsum-text" title={incident.title}>
                {incident.title}
              </span>
              <span className="gd-bsum-who">{incident.handler ?? t('buildings.need.unassigned')}</span>
            </li>
          ))}
          {openIncidents.length > SHOWN ? (
            <li className="gd-muted">{t('buildings.summary.more', { n: openIncidents.length - SHOWN })}</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
