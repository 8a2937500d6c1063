import type { Briefing } from '../../../electron/api';
import { ScreeningTrendChart, StatusTrendChart } from './TrendCharts';

export function TrendsPanel({ data }: { data: Briefing }) {
  return (
    <div className="gd-brief-two">
      <StatusTrendChart data={data} />
      <ScreeningTrendChart data={data} />
    </div>
  );
}
