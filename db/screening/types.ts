import type { ScreeningScope, VisitResult } from '../schema';

export interface RoundCounts {
  households: number;
  visited: number;
  nobodyHome: number;
  refused: number;
}

export interface ScreeningRoundData extends RoundCounts {
  id: string;
  number: number;
  name: string;
  scope: { type: ScreeningScope; ids: string[]; label: string };
  startedAt: number;
  startedBy: string;
  closedAt: number | null;
}

export interface ScreeningTallyData extends RoundCounts {
  pending: number;
  returnees: number;
  symptoms: number;
}

export interface ScreeningProgressData {
  round: ScreeningRoundData;
  total: ScreeningTallyData;
  byGrid: (ScreeningTallyData & { gridId: string; gridName: string; communityName: string })[];
  buildingShare: Record<string, number>;
}

export interface ScreeningHouseholdData {
  householdId: string;
  buildingId: string;
  address: string;
  room: string;
  headName: string;
  members: number;
  result: VisitResult;
  attempts: number;
  visitedAt: number | null;
  visitedBy: string | null;
  returnee: boolean;
  symptoms: boolean;
  needs: string | null;
  note: string | null;
}

export type ScopeInput = { type: 'street' } | { type: 'communities'; ids: string[] } | { type: 'grids'; ids: string[] };
