import type { Briefing } from '../../../electron/api';
import { useT } from '../../i18n';
import { FigureTile } from './FigureTile';

/**
 * The key figures, always on screen above the rotating panels. The row takes as many figures as
 * the service gives: those of features still to come (staffing, volunteers) join it as they exist.
 */
export function KeyFigures({ data }: { data: Briefing }) {
  const t = useT();
  return (
    <div className="gd-brief-figures" data-testid="briefing-figures" style={{ gridTemplateColumns: `repeat(${data.figures.length}, minmax(0, 1fr))` }}>
      {data.figures.map((f) => (
        <FigureTile key={f.key} figure={f} extra={f.key === 'screening' && data.screening.rounds.length === 0 ? t('briefing.figure.screening.none') : null} />
      ))}
    </div>
  );
}
