import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Briefing } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useStatusStyles } from '../statuses/use-status-styles';
import { deltaText } from './compare';
import { useRem } from './use-rem';

/** Buildings by status now, strictest first, each bar labelled with its count and the change since yesterday. */
export function StatusChart({ data }: { data: Briefing }) {
  const t = useT();
  const rem = useRem();
  const styles = useStatusStyles();
  const rows = styles.list
    .map((s) => {
      const c = data.byStatus.find((b) => b.status === s.key);
      const delta = c ? deltaText(c.buildings, c.yesterday) : null;
      return { key: s.key, label: s.label, color: s.color, buildings: c?.buildings ?? 0, text: `${formatNumber(c?.buildings ?? 0)}${delta ? `（${delta}）` : ''}` };
    })
    .filter((r) => r.buildings > 0 || data.byStatus.some((b) => b.status === r.key && b.yesterday > 0));
  return (
    <figure className="gd-brief-chart" data-testid="briefing-chart-status">
      <figcaption>{t('briefing.chart.status')}</figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: rem, right: rem * 12, bottom: rem, left: rem }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="label" width={rem * 7} tick={{ fill: '#dbe6f5', fontSize: rem * 1.4 }} axisLine={false} tickLine={false} />
          <Bar dataKey="buildings" isAnimationActive={false} maxBarSize={rem * 3.2}>
            {rows.map((r) => (
              <Cell key={r.key} fill={r.color} />
            ))}
            <LabelList dataKey="text" position="right" fill="#ffffff" fontSize={rem * 1.4} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
