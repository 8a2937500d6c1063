import type { Briefing } from '../../../electron/api';
import { CoverageChart } from './CoverageChart';
import { StatusChart } from './StatusChart';

export function ChartsPanel({ data }: { data: Briefing }) {
  return (
    <div className="gd-brief-two">
      <StatusChart data={data} />
      <CoverageChart data={data} />
    </div>
  );
}
