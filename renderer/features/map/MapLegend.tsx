import { useMemo } from 'react';
import type { ControlStatus } from '../../../electron/api';
import { FlagFilled } from '@ant-design/icons';
import { SAFE_COMPOUND_FLAG_COLOR, UNKNOWN_STATUS_COLOR } from '../../../maps/status';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { useStatusStyles } from '../statuses/use-status-styles';

interface Props {
  statuses: readonly ControlStatus[] | undefined;
  /** Shown under the title when the legend counts a past moment. */
  note?: string | null;
  /** With the 放心楼院 layer on: how many compounds hold the flag (null while loading); undefined: layer off. */
  safeCount?: number | null | undefined;
}

/** Status colours with how many buildings have each, strictest first; unknown keys in grey. */
export function MapLegend({ statuses, note, safeCount }: Props) {
  const t = useT();
  const styles = useStatusStyles();
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const s of statuses ?? []) c.set(s, (c.get(s) ?? 0) + 1);
    return c;
  }, [statuses]);
  const total = statuses?.length ?? 0;
  const rows = styles.list
    .filter((s) => !s.retired || (counts.get(s.key) ?? 0) > 0)
    .map((s) => ({ key: s.key, label: s.label, color: s.color, n: counts.get(s.key) ?? 0 }));
  const known = new Set(styles.list.map((s) => s.key));
  const unknown = [...counts].filter(([key]) => !known.has(key)).reduce((sum, [, n]) => sum + n, 0);
  if (unknown > 0) rows.push({ key: 'unknown', label: t('map.legend.unknown'), color: UNKNOWN_STATUS_COLOR, n: unknown });

  return (
    <section className="gd-overlay gd-legend" data-testid="map-legend" aria-label={t('map.legend')}>
      <div className="gd-overlay-title">{t('map.legend')}</div>
      {note ? <div className="gd-legend-note" data-testid="legend-note">{note}</div> : null}
      <ul className="gd-legend-list">
        {rows.map(({ key, label, color, n }) => {
          const share = total > 0 ? (n / total) * 100 : 0;
          return (
            <li key={key} className="gd-legend-row" data-testid={`legend-${key}`} data-count={n}>
              <span className="gd-legend-swatch" style={{ background: color }} aria-hidden="true" />
              <span className="gd-legend-label">{label}</span>
              <span className="gd-legend-bar" aria-hidden="true">
                <span style={{ width: `${share}%`, background: color }} />
              </span>
              <span className="gd-legend-count">
                {formatNumber(n)}
                <span className="gd-legend-unit">{t('map.legend.unit')}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {safeCount !== undefined ? (
        <div className="gd-legend-row gd-legend-safe" data-testid="legend-safe" data-count={safeCount ?? ''}>
          <FlagFilled className="gd-legend-flag" style={{ color: SAFE_COMPOUND_FLAG_COLOR }} aria-hidden="true" />
          <span className="gd-legend-label">{t('map.safe.title')}</span>
          <span aria-hidden="true" />
          <span className="gd-legend-count">
            {safeCount === null ? '…' : formatNumber(safeCount)}
            <span className="gd-legend-unit">{t('map.legend.compoundUnit')}</span>
          </span>
        </div>
      ) : null}
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
