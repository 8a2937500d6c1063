import { Area, AreaChart, Bar, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Briefing } from '../../../electron/api';
import { useT } from '../../i18n';
import { useStatusStyles } from '../statuses/use-status-styles';
import { useRem } from './use-rem';

const dayLabel = (day: number) => {
  const d = new Date(day);
  return `${d.getMonth() + 1}/${d.getDate()}`;
};

/** Buildings under each status stricter than the baseline at the end of each of the last 30 days, stacked. */
export function StatusTrendChart({ data }: { data: Briefing }) {
  const t = useT();
  const rem = useRem();
  const styles = useStatusStyles();
  const baselineRank = Math.min(...data.statuses.map((s) => s.rank));
  const shown = styles.list.filter((s) => !s.retired && s.rank > baselineRank).reverse();
  const rows = data.trend.map((d) => ({ day: dayLabel(d.day), ...d.byStatus }));
  const tick = { fill: '#dbe6f5', fontSize: rem * 1.05 };
  return (
    <figure className="gd-brief-chart" data-testid="briefing-chart-status-trend">
      <figcaption>{t('briefing.chart.statusTrend')}</figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: rem, right: rem * 2, bottom: 0, left: 0 }}>
          <XAxis dataKey="day" tick={tick} interval={4} stroke="#4b5f80" />
          <YAxis tick={tick} width={rem * 4.5} stroke="#4b5f80" allowDecimals={false} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: rem * 1.2, color: '#dbe6f5' }} />
          {shown.map((s) => (
            <Area key={s.key} dataKey={s.key} name={s.label} stackId="statuses" type="stepAfter" stroke={s.color} fill={s.color} fillOpacity={0.75} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Households of the open rounds done each day (bars) and the share done by each day's end (line). */
export function ScreeningTrendChart({ data }: { data: Briefing }) {
  const t = useT();
  const rem = useRem();
  const rows = data.trend.map((d) => ({ day: dayLabel(d.day), visits: d.visits, share: d.screeningShare === null ? null : Math.round(d.screeningShare * 1000) / 10 }));
  const tick = { fill: '#dbe6f5', fontSize: rem * 1.05 };
  return (
    <figure className="gd-brief-chart" data-testid="briefing-chart-screening-trend">
      <figcaption>{t('briefing.chart.visitsTrend')}</figcaption>
      {data.screening.rounds.length === 0 ? (
        <p className="gd-brief-note">{t('briefing.chart.noRound')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: rem, right: 0, bottom: 0, left: 0 }}>
            <XAxis dataKey="day" tick={tick} interval={4} stroke="#4b5f80" />
            <YAxis yAxisId="visits" tick={tick} width={rem * 5} stroke="#4b5f80" allowDecimals={false} />
            <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" tick={tick} width={rem * 4.5} stroke="#4b5f80" />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: rem * 1.2, color: '#dbe6f5' }} />
            <Bar yAxisId="visits" dataKey="visits" name={t('briefing.chart.visits')} fill="#3ea6ff" isAnimationActive={false} />
            <Line yAxisId="share" dataKey="share" name={t('briefing.figure.screening')} stroke="#ffd666" strokeWidth={rem * 0.25} dot={false} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
