import type { ScreeningTally } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n';

const FIGURES: { key: keyof ScreeningTally; label: MessageKey; tone?: string }[] = [
  { key: 'households', label: 'screening.total.households' },
  { key: 'visited', label: 'screening.total.visited', tone: 'good' },
  { key: 'nobodyHome', label: 'screening.total.nobodyHome', tone: 'warn' },
  { key: 'refused', label: 'screening.total.refused', tone: 'bad' },
  { key: 'pending', label: 'screening.total.pending' },
  { key: 'returnees', label: 'screening.total.returnees', tone: 'warn' },
  { key: 'symptoms', label: 'screening.total.symptoms', tone: 'bad' },
];

/** The round in figures: visited, 待再访 (nobody home), refused, pending, returnees, symptoms. */
export function RoundTotals({ total }: { total: ScreeningTally }) {
  const t = useT();
  return (
    <div className="gd-scr-totals" data-testid="round-totals">
      {FIGURES.map((f) => (
        <div key={f.key} className={`gd-scr-total ${f.tone ? `gd-scr-${f.tone}` : ''}`} data-testid={`total-${f.key}`}>
          <span className="gd-scr-total-value" data-testid={`total-${f.key}-value`}>
            {formatNumber(total[f.key])}
          </span>
          <span className="gd-scr-total-label">{t(f.label)}</span>
        </div>
      ))}
    </div>
  );
}
