import { Progress } from 'antd';
import type { ScreeningRound } from '../../../electron/api';
import { hashHref } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { Figure } from './Figure';
import { Panel } from './Panel';

/** The open screening round: done, to revisit, not visited; it opens the round or its progress on the map. */
export function ScreeningPanel({ round }: { round: ScreeningRound | null }) {
  const t = useT();
  if (!round) {
    return (
      <Panel title={t('overview.screening.title')} testId="overview-screening">
        <p className="gd-ov-empty">{t('overview.screening.none')}</p>
      </Panel>
    );
  }
  const done = round.visited + round.refused;
  const pending = round.households - done - round.nobodyHome;
  const roundHref = hashHref('screening', [], { round: round.id });
  const mapHref = hashHref('map', [], { layer: 'screening', round: round.id });
  return (
    <Panel
      title={`${t('overview.screening.title')} · ${round.name}`}
      extra={
        <a href={mapHref} data-testid="overview-screening-map">
          {t('overview.screening.onMap')}
        </a>
      }
      testId="overview-screening"
    >
      <Progress percent={round.households ? Math.floor((done / round.households) * 100) : 0} />
      <div className="gd-ov-figures">
        <Figure value={done} label={t('overview.screening.done')} href={roundHref} testId="overview-screening-done" />
        <Figure value={round.nobodyHome} label={t('overview.screening.nobodyHome')} href={roundHref} testId="overview-screening-nobody" />
        <Figure value={pending} label={t('overview.screening.pending')} href={roundHref} testId="overview-screening-pending" />
      </div>
    </Panel>
  );
}
