import type { BriefingFigure } from '../../../electron/api';
import { useT, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { deltaText, direction, figureText } from './compare';

const RISING_IS_GOOD = new Set<BriefingFigure['key']>(['safeCompounds', 'screening']);

/** One key figure, readable from across the room: the value, what it counts, and how it compares with yesterday. */
export function FigureTile({ figure, extra }: { figure: BriefingFigure; extra?: string | null }) {
  const t = useT();
  let comparison: string;
  let dir: 'up' | 'down' | 'same' = 'same';
  if (figure.yesterday !== null) {
    const delta = deltaText(figure.value, figure.yesterday, figure.format);
    comparison = delta ? t('briefing.vsYesterday', { delta }) : t('briefing.sameAsYesterday');
    const moved = direction(figure.value, figure.yesterday);
    // Red for a move the wrong way, green for the right way: more 放心楼院 or screening done is good.
    dir = moved === 'same' ? 'same' : (moved === 'up') === RISING_IS_GOOD.has(figure.key) ? 'down' : 'up';
  } else if (figure.new24h !== undefined) {
    comparison = t('briefing.new24h', { n: formatNumber(figure.new24h) });
  } else {
    // A figure with neither comparison (overdue requests) shows its value alone.
    comparison = '';
  }
  return (
    <div
      className={`gd-brief-figure${figure.attention ? ' gd-brief-attention' : ''}`}
      data-testid={`briefing-figure-${figure.key}`}
      data-value={figure.value}
      data-yesterday={figure.yesterday ?? ''}
      data-attention={figure.attention}
    >
      <div className="gd-brief-figure-label">{t(`briefing.figure.${figure.key}` as MessageKey)}</div>
      <div className="gd-brief-figure-value" data-testid={`briefing-value-${figure.key}`}>
        {figureText(figure)}
      </div>
      <div className={`gd-brief-figure-compare gd-brief-${figure.yesterday === null ? 'neutral' : dir}`}>
        {figure.attention ? <span className="gd-brief-flag">{t('briefing.attention')}</span> : null}
        {extra ?? comparison}
      </div>
    </div>
  );
}
