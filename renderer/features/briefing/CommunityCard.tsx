import type { BriefingCommunity } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useStatusStyles } from '../statuses/use-status-styles';
import { deltaText, percent } from './compare';

/** One community: its buildings by status as a bar, the controlled ones against yesterday, and its own figures. */
export function CommunityCard({ c }: { c: BriefingCommunity }) {
  const t = useT();
  const styles = useStatusStyles();
  const delta = deltaText(c.controlled, c.controlledYesterday);
  const rising = c.controlled > c.controlledYesterday;
  const share = c.screening.households > 0 ? percent(c.screening.done / c.screening.households) : '—';
  const facts: [string, string, string][] = [
    ['safe', t('briefing.community.safe'), formatNumber(c.safeCompounds)],
    ['observation', t('briefing.community.observation'), formatNumber(c.homeObservation)],
    ['isolation', t('briefing.community.isolation'), formatNumber(c.isolation)],
    ['screening', t('briefing.community.screening'), share],
    ['needs', t('briefing.community.needs'), formatNumber(c.openNeeds)],
    ['incidents', t('briefing.community.incidents'), formatNumber(c.openIncidents)],
  ];
  return (
    <section className={`gd-brief-community${rising ? ' gd-brief-attention' : ''}`} data-testid="briefing-community" data-community={c.name} data-controlled={c.controlled}>
      <header>
        <h3>{c.name}</h3>
        <span className="gd-brief-community-total">{t('briefing.community.buildings', { n: formatNumber(c.buildings) })}</span>
      </header>
      <div className="gd-brief-community-controlled">
        <span className="gd-brief-community-label">{t('briefing.community.controlled')}</span>
        <strong>{formatNumber(c.controlled)}</strong>
        <span className={`gd-brief-${rising ? 'up' : 'same'}`}>{delta ? t('briefing.vsYesterday', { delta }) : t('briefing.sameAsYesterday')}</span>
      </div>
      <div className="gd-brief-community-bar" aria-hidden="true">
        {styles.list.map((s) => {
          const n = c.byStatus[s.key] ?? 0;
          return n > 0 ? <span key={s.key} style={{ flexGrow: n, background: s.color }} /> : null;
        })}
      </div>
      <dl>
        {facts.map(([key, label, value]) => (
          <div key={key} data-testid={`briefing-community-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
