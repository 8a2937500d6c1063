import type { BriefingFigure, BriefingScreening } from '../../electron/api/briefing';
import type { OverviewRequests } from '../../electron/api/overview';
import type { StaffingNow } from '../../electron/api/staffing';

export interface FigureInputs {
  controlled: number;
  controlledYesterday: number;
  safeCompounds: number;
  safeCompoundsYesterday: number;
  homeObservation: number;
  homeObservationYesterday: number;
  isolation: number;
  isolationYesterday: number;
  screening: BriefingScreening;
  requests: OverviewRequests;
  /** The rota's figures, for callers who see the rota. */
  staffing?: StaffingNow | null;
}

const share = (done: number, of: number) => (of > 0 ? done / of : 0);

/**
 * The key figures in the order the display shows them, each with its value 24 hours ago and
 * whether it needs attention: more buildings under control or residents watched than yesterday,
 * fewer 放心楼院, an open round with nothing done in a day, an incident reported in a day, any
 * request past its limit (督办).
 */
export function keyFigures(f: FigureInputs): BriefingFigure[] {
  const count = (key: BriefingFigure['key'], value: number, yesterday: number, attention: boolean): BriefingFigure => ({ key, value, format: 'count', yesterday, attention });
  const { screening: s, requests: r } = f;
  const stalled = s.households > 0 && s.done < s.households && s.done === s.doneYesterday;
  return [
    count('controlled', f.controlled, f.controlledYesterday, f.controlled > f.controlledYesterday),
    count('safeCompounds', f.safeCompounds, f.safeCompoundsYesterday, f.safeCompounds < f.safeCompoundsYesterday),
    count('homeObservation', f.homeObservation, f.homeObservationYesterday, f.homeObservation > f.homeObservationYesterday),
    count('isolation', f.isolation, f.isolationYesterday, f.isolation > f.isolationYesterday),
    { key: 'screening', value: share(s.done, s.households), format: 'percent', yesterday: share(s.doneYesterday, s.households), attention: stalled },
    { key: 'openNeeds', value: r.openNeeds, format: 'count', yesterday: null, new24h: r.newNeeds, attention: false },
    { key: 'openIncidents', value: r.openIncidents, format: 'count', yesterday: null, new24h: r.newIncidents, attention: r.newIncidents > 0 },
    { key: 'overdueRequests', value: r.overdue, format: 'count', yesterday: null, attention: r.overdue > 0 },
    ...(f.staffing
      ? [{ key: 'staffingTonight' as const, value: f.staffing.tonightShortShifts, format: 'count' as const, yesterday: null, attention: f.staffing.tonightShortShifts > 0 }]
      : []),
  ];
}
