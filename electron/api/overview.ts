import { z } from 'zod';
import type { StaffingNow } from './staffing';
import { query } from './define';
import type { ControlStatus, LatLngBounds } from './common';
import type { ScreeningRound } from './screening';

/**
 * Where "since the last shift" starts: this account's previous sign-in, or the start of the
 * current shift (07:00, 15:00, 23:00).
 */
export const overviewSinceKinds = ['lastSignIn', 'shift'] as const;
export type OverviewSinceKind = (typeof overviewSinceKinds)[number];

export interface OverviewSince {
  /** What was asked for; `lastSignIn` without a previous sign-in counts from the shift's start. */
  kind: OverviewSinceKind;
  at: number;
  previousSignInAt: number | null;
  shiftStartAt: number;
}

export interface OverviewStatusChange {
  buildingId: string;
  address: string;
  status: ControlStatus;
  previousStatus: ControlStatus | null;
  changedAt: number;
  changedBy: string;
}

export interface OverviewStatusChanges {
  /** Buildings whose status changed since then. */
  buildings: number;
  /** Per status the buildings were changed to, most first. */
  byStatus: { status: ControlStatus; buildings: number }[];
  latest: OverviewStatusChange[];
}

/** A need or an incident, as the overview lists it. */
export interface OverviewRequest {
  kind: 'need' | 'incident';
  id: string;
  buildingId: string;
  address: string;
  title: string;
  at: number;
}

export interface OverviewCommunityRequests {
  communityId: string;
  communityName: string;
  openNeeds: number;
  openIncidents: number;
  overdue: number;
  bounds: LatLngBounds | null;
}

/** Requests for help and incidents: new since then, and what is still open by community. */
export interface OverviewRequests {
  newNeeds: number;
  newIncidents: number;
  openNeeds: number;
  openIncidents: number;
  /** Open requests past their limit now (超时/督办). */
  overdue: number;
  /** Requests escalated (督办) since then. */
  escalatedSince: number;
  byCommunity: OverviewCommunityRequests[];
  /** The newest since then, needs and incidents together. */
  latest: OverviewRequest[];
}

/** One kind of request over one day: received and resolved during it, open and overdue at its end. */
export interface RequestDayCounts {
  received: number;
  resolved: number;
  open: number;
  /** Open at the end of the day and past a limit by then: not accepted within `overdueAfterHours`, or sent up and not resolved within 3 days. */
  overdue: number;
}

/** Requests for help and incidents over one day, for the daily report. */
export interface RequestDayFigures {
  needs: RequestDayCounts;
  incidents: RequestDayCounts;
  /** The street office accepts (受理) a request within 24 hours of receiving it. */
  overdueAfterHours: number;
}

export interface OverviewEnding {
  buildingId: string;
  address: string;
  gridName: string;
  status: ControlStatus;
  until: number;
}

export interface Overview {
  now: number;
  since: OverviewSince;
  /** `grids` for a grid worker: every figure covers their grids only. */
  scope: 'street' | 'grids';
  statusChanges: OverviewStatusChanges;
  requests: OverviewRequests;
  /** Statuses that end within the next 24 hours, soonest first. */
  ending: { total: number; items: OverviewEnding[] };
  /** The newest screening round still open, its counts in the caller's scope; or null. */
  screening: ScreeningRound | null;
  /** The rota on duty now and tonight's gaps, for callers who see the rota; otherwise null. */
  staffing: StaffingNow | null;
}

export const overviewMethods = {
  /** The duty officer's start of shift: what changed since then, what ends soon, what is open, screening progress. */
  'overview.get': query<Overview>({ permission: 'buildings.read' })(z.object({ since: z.enum(overviewSinceKinds).default('lastSignIn') }).strict()),
};
