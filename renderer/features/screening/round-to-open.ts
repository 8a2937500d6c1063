import type { ScreeningRound } from '../../../electron/api';

const begun = (r: ScreeningRound) => r.visited + r.nobodyHome + r.refused > 0;

/**
 * The round the 入户摸排 page opens on: the one the address names; else the round being worked —
 * the newest open round with visits already recorded (for a grid worker the list holds only rounds
 * covering their grids, counted over those grids), so a newer round started over it does not take
 * them away from it; else the newest open round; else the newest.
 */
export function roundToOpen(rounds: readonly ScreeningRound[], wanted: string | null): ScreeningRound | null {
  const newest = [...rounds].sort((a, b) => b.number - a.number);
  const open = newest.filter((r) => r.closedAt === null && r.households > 0);
  return newest.find((r) => r.id === wanted) ?? open.find(begun) ?? open[0] ?? newest[0] ?? null;
}
