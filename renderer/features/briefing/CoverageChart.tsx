import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Briefing } from '../../../electron/api';
import { useT } from '../../i18n';
import { percent } from './compare';
import { useRem } from './use-rem';

/** How far the open screening rounds have come in each community, labelled with the share. */
export function CoverageChart({ data }: { data: Briefing }) {
  const t = useT();
  const rem = useRem();
  const rows = data.communities
    .filter((c) => c.screening.households > 0)
    .map((c) => ({ name: c.name, share: c.screening.done / c.screening.households, text: percent(c.screening.done / c.screening.households) }));
  return (
    <figure className="gd-brief-chart" data-testid="briefing-chart-coverage">
      <figcaption>{t('briefing.chart.coverage')}</figcaption>
      {rows.length === 0 ? (
        <p className="gd-brief-note">{t('briefing.chart.noRound')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: rem * 0.5, right: rem * 5, bottom: rem * 0.5, left: rem }}>
            <XAxis type="number" domain={[0, 1]} hide />
            <YAxis type="category" dataKey="name" width={rem * 10} interval={0} tick={{ fill: '#dbe6f5', fontSize: rem * (rows.length > 12 ? 1.05 : 1.35) }} axisLine={false} tickLine={false} />
            <Bar dataKey="share" fill="#3ea6ff" maxBarSize={rem * 3.2} isAnimationActive={false} background={{ fill: 'rgba(255,255,255,0.06)' }}>
              <LabelList dataKey="text" position="right" fill="#ffffff" fontSize={rem * (rows.length > 12 ? 1.05 : 1.35)} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
