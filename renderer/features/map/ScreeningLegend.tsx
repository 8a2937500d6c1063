import { SCREENING_NONE_COLOR, SCREENING_STEPS } from '../../../maps/status';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import type { ScreeningProgress } from '../../../electron/api';

/** The screening layer's legend: share of households done, light to dark, and the round's totals. */
export function ScreeningLegend({ progress }: { progress: ScreeningProgress | undefined }) {
  const t = useT();
  const total = progress?.total;
  const done = total ? total.visited + total.refused : 0;
  return (
    <section
      className="gd-overlay gd-legend"
      data-testid="screening-legend"
      data-round-id={progress?.round.id ?? ''}
      aria-label={t('map.screening.legend')}
    >
      <div className="gd-overlay-title">{t('map.screening.legend')}</div>
      {progress ? <div className="gd-legend-note">{progress.round.name}</div> : null}
      <div className="gd-scale" aria-hidden="true">
        {SCREENING_STEPS.map((c) => (
          <span key={c} style={{ background: c }} />
        ))}
      </div>
      <div className="gd-scale-ticks">
        <span>0%</span>
        <span>50%</span>
        <span>100%</span>
      </div>
      <div className="gd-legend-row gd-scale-none">
        <span className="gd-legend-swatch" style={{ background: SCREENING_NONE_COLOR }} aria-hidden="true" />
        <span className="gd-legend-label gd-wide">{t('map.screening.outside')}</span>
      </div>
      {total ? (
        <div className="gd-legend-total" data-testid="screening-total">
          <span>{t('map.screening.done')}</span>
          <span>
            {formatNumber(done)} / {formatNumber(total.households)}
            <span className="gd-legend-unit">{t('map.screening.households')}</span>
          </span>
        </div>
      ) : null}
    </section>
  );
}
