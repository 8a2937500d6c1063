import { z } from 'zod';
import { mutation, query } from './define';
import type { ControlStatus, LatLngBounds } from './common';
import type { StatusDefinition } from './status';
import type { JobInfo } from './jobs';

/** The panels of the wall display that take turns on its main stage. */
export const briefingPanels = ['map', 'communities', 'charts', 'trends'] as const;
export type BriefingPanel = (typeof briefingPanels)[number];

/**
 * The key figures, each counted from the database. A figure whose feature does not exist yet
 * (staffing, volunteers) is simply absent: the display lays out what it is given.
 */
export const briefingFigureKeys = ['controlled', 'safeCompounds', 'homeObservation', 'isolation', 'screening', 'openNeeds', 'openIncidents', 'overdueRequests', 'staffingTonight'] as const;
export type BriefingFigureKey = (typeof briefingFigureKeys)[number];

export interface BriefingFigure {
  key: BriefingFigureKey;
  /** A count, or for `percent` a share between 0 and 1. */
  value: number;
  format: 'count' | 'percent';
  /** The same figure 24 hours earlier, counted back from the records; null when it cannot be counted back. */
  yesterday: number | null;
  /** For a figure that cannot be counted back (open requests): how many came in within the last 24 hours. */
  new24h?: number;
  /** Stands out on the screen: it moved the wrong way since yesterday. */
  attention: boolean;
}

export interface BriefingStatusCount {
  status: ControlStatus;
  buildings: number;
  yesterday: number;
}

export interface BriefingScreening {
  /** The rounds still open, newest first. */
  rounds: { id: string; name: string; households: number; done: number }[];
  households: number;
  /** Visited or refused: no further visit is due. */
  done: number;
  /** Done 24 hours ago. */
  doneYesterday: number;
}

export interface BriefingCommunity {
  communityId: string;
  name: string;
  buildings: number;
  byStatus: Record<ControlStatus, number>;
  /** Buildings under a status stricter than the baseline, now and 24 hours ago. */
  controlled: number;
  controlledYesterday: number;
  safeCompounds: number;
  homeObservation: number;
  isolation: number;
  /** The open rounds' households in this community, and how many are done. */
  screening: { households: number; done: number };
  openNeeds: number;
  openIncidents: number;
  bounds: LatLngBounds | null;
}

export interface BriefingTrendDay {
  /** Local midnight starting the day. */
  day: number;
  /** Buildings by status at the end of the day (now, for today). */
  byStatus: Record<ControlStatus, number>;
  /** Households of the open rounds done that day (visited or refused). */
  visits: number;
  /** The open rounds' share of households done by the end of the day (0 to 1); null with no round open. */
  screeningShare: number | null;
}

export interface Briefing {
  now: number;
  street: string;
  /** `grids` for a grid worker: every figure covers their grids only. */
  scope: 'street' | 'grids';
  /** The status list, strictest first (labels and colours as configured). */
  statuses: Pick<StatusDefinition, 'key' | 'label' | 'labelEn' | 'color' | 'rank'>[];
  figures: BriefingFigure[];
  byStatus: BriefingStatusCount[];
  screening: BriefingScreening;
  communities: BriefingCommunity[];
  /** The last 30 days, oldest first, today last. */
  trend: BriefingTrendDay[];
}

export const BRIEFING_INTERVAL = { min: 3, max: 600 } as const;
export const BRIEFING_STALE_AFTER = { min: 10, max: 3600 } as const;

export interface BriefingSettings {
  /** The panels shown, in turn order; with `rotate` off the first stays. */
  panels: BriefingPanel[];
  rotate: boolean;
  intervalSeconds: number;
  /** The display says its figures are stale when nothing was received for this long. */
  staleAfterSeconds: number;
  updatedAt: number | null;
  updatedBy: string | null;
}

export const briefingSettingsSchema = z
  .object({
    panels: z
      .array(z.enum(briefingPanels))
      .min(1, '至少选择一个面板')
      .refine((p) => new Set(p).size === p.length, '面板不能重复'),
    rotate: z.boolean(),
    intervalSeconds: z.number().int('轮播间隔须为整数秒').min(BRIEFING_INTERVAL.min, `轮播间隔不能少于 ${BRIEFING_INTERVAL.min} 秒`).max(BRIEFING_INTERVAL.max, `轮播间隔不能超过 ${BRIEFING_INTERVAL.max} 秒`),
    staleAfterSeconds: z
      .number()
      .int('过时判定须为整数秒')
      .min(BRIEFING_STALE_AFTER.min, `过时判定不能少于 ${BRIEFING_STALE_AFTER.min} 秒`)
      .max(BRIEFING_STALE_AFTER.max, `过时判定不能超过 ${BRIEFING_STALE_AFTER.max} 秒`),
  })
  .strict();
export type BriefingSettingsInput = z.infer<typeof briefingSettingsSchema>;

export const briefingMethods = {
  /** The wall display's figures, counted now for the caller's scope, each with its value 24 hours ago. */
  'briefing.get': query<Briefing>({ permission: 'briefing.view' })(z.object({}).strict()),
  /** How the wall display turns its panels and when it calls its figures stale. */
  'briefing.settings': query<BriefingSettings>({ permission: 'briefing.view' })(z.object({}).strict()),
  /** Sets the panels' order, the rotation and the stale time (administrators and leaders). */
  'briefing.saveSettings': mutation<BriefingSettings>({ permission: 'briefing.configure', invalidates: ['briefing'] })(briefingSettingsSchema),
  /** Starts a job writing the 大屏 as it stands now on one landscape A4 page (for the 日报); its file is then downloaded. */
  'briefing.exportPdf': mutation<JobInfo>({ permission: 'briefing.view', invalidates: ['jobs'], job: true })(z.object({}).strict()),
};
