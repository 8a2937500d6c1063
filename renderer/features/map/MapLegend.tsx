import { useMemo } from 'react';
import type { ControlStatus } from '../../../electron/api';
import { STATUS_ORDER, statusColor, statusLabel } from '../../../maps/status';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n';

/** Status colours with how many buildings have each, most severe first. */
export function MapLegend({ statuses }: { statuses: readonly ControlStatus[] | undefined }) {
  const t = useT();
  const [locale] = useLocale();
  const counts = useMemo(() => {
    const c: Record<ControlStatus, number> = { sealed: 0, controlled: 0, precaution: 0, normal: 0 };
    for (const s of statuses ?? []) c[s]++;
    return c;
  }, [statuses]);
  const total = statuses?.length ?? 0;

  return (
    <section className="gd-overlay gd-legend" data-testid="map-legend" aria-label={t('map.legend')}>
      <div className="gd-overlay-title">{t('map.legend')}</div>
      <ul className="gd-legend-list">
        {STATUS_ORDER.map((status) => {
          const n = counts[status];
          const share = total > 0 ? (n / total) * 100 : 0;
          return (
            <li key={status} className="gd-legend-row" data-testid={`legend-${status}`} data-count={n}>
              <span className="gd-legend-swatch" style={{ background: statusColor(status) }} aria-hidden="true" />
              <span className="gd-legend-label">{statusLabel(status, locale)}</span>
              <span className="gd-legend-bar" aria-hidden="true">
                <span style={{ width: `${share}%`, background: statusColor(status) }} />
              </span>
              <span className="gd-legend-count">
                {formatNumber(n)}
                <span className="gd-legend-unit">{t('map.legend.unit')}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <div className="gd-legend-total">
        <span>{t('map.legend.total')}</span>
        <span data-testid="legend-total">
          {formatNumber(total)}
          <span className="gd-legend-unit">{t('map.legend.unit')}</span>
        </span>
      </div>
    </section>
  );
}
