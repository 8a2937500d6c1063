import { z } from 'zod';
import type { JobInfo } from './jobs';
import type { RequestRow } from './requests';
import { mutation, query } from './define';
import { controlStatusSchema, idSchema, limitedText, type ControlStatus, type PagedResult } from './common';

export interface DutyHolder {
  role: 'zone_head' | 'grid_head' | 'grid_worker' | 'building_head' | 'alley_head' | 'unit_head';
  name: string;
  /** Masked unless the caller may see personal data. */
  phone: string;
  partyMember: boolean;
}

export interface StatusChange {
  id: string;
  status: ControlStatus;
  previousStatus: ControlStatus | null;
  reason: string;
  changedBy: string;
  changedAt: number;
  effectiveFrom: number;
  effectiveUntil: number | null;
  /** The change this entry was written by (one building's change is a batch of one, so it is undone the same way), or null. */
  batchId: string | null;
  /** True when that change set more than one building (a bulk change); a change of this building alone is not. */
  bulk: boolean;
}

export const residentTagKinds = ['home_observation', 'isolation', 'elderly_alone', 'disabled', 'returnee'] as const;
export type ResidentTag = (typeof residentTagKinds)[number];
export const residentTagSchema = z.enum(residentTagKinds);

/** Residents of a building (or of a selection), by group. */
export interface GroupCounts {
  households: number;
  residents: number;
  registered: number;
  floating: number;
  /** Residents currently in each special group (居家观察/隔离 only while between start and end). */
  tags: Record<ResidentTag, number>;
}

export interface BuildingDetail {
  id: string;
  kind: 'building' | 'alley';
  name: string;
  address: string;
  compound: { id: string; name: string; kind: 'gated' | 'open' | 'old' | 'bungalow' };
  grid: { id: string; name: string; code: string };
  zone: { id: string; name: string };
  community: { id: string; name: string; code: string };
  floors: number;
  unitCount: number;
  households: number;
  residents: number;
  hasPropertyMgmt: boolean;
  openCompound: boolean;
  status: ControlStatus;
  statusSince: number;
  statusUntil: number | null;
  /** The compound's 放心楼院 designation, if it holds one. */
  safeCompound: { grantedAt: number; criteria: string[] } | null;
  centroid: [number, number];
  heads: DutyHolder[];
  groups: GroupCounts;
  /** Its resident requests (诉求): open ones first (overdue first), then the latest handled. */
  requests: RequestRow[];
  recentHistory: StatusChange[];
}

export interface ResidentRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  /** Masked unless revealed through `people.reveal`. */
  idNumber: string | null;
  phone: string | null;
  relation: 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'tenant' | 'other';
  registration: 'registered' | 'floating';
  tags: { tag: ResidentTag; startsOn: number | null; endsOn: number | null }[];
}

export interface HouseholdRow {
  id: string;
  unitNumber: number | null;
  room: string;
  registration: 'registered' | 'floating';
  residents: ResidentRow[];
}

/** One row of the buildings table. */
export interface BuildingRow {
  id: string;
  address: string;
  name: string;
  compoundName: string;
  communityName: string;
  gridName: string;
  status: ControlStatus;
  statusSince: number;
  statusUntil: number | null;
  safeCompound: boolean;
  households: number;
  residents: number;
  floating: number;
  /** Residents currently in each special group. */
  tags: Record<ResidentTag, number>;
  openNeeds: number;
  openIncidents: number;
}

export const buildingSortKeys = ['address', 'status', 'statusSince', 'households', 'residents', 'floating', 'openNeeds', ...residentTagKinds] as const;

export const buildingFilterSchema = z
  .object({
    statuses: z.array(controlStatusSchema).max(20).optional(),
    /** Buildings with at least one resident currently in this group. */
    tag: residentTagSchema.optional(),
    communityId: idSchema.optional(),
    gridIds: z.array(idSchema).max(500).optional(),
    /** Part of the address, or its pinyin initials (中山路 ⇐ zsl). */
    search: limitedText(40, '搜索词最多 40 个字').optional(),
    safeCompound: z.boolean().optional(),
    hasOpenNeeds: z.boolean().optional(),
  })
  .strict();
export type BuildingFilter = z.infer<typeof buildingFilterSchema>;

const sortSchema = z
  .object({ key: z.enum(buildingSortKeys), order: z.enum(['asc', 'desc']).default('asc') })
  .strict()
  .default({ key: 'address', order: 'asc' });

export const buildingMethods = {
  'buildings.get': query<BuildingDetail>({ permission: 'buildings.read' })(z.object({ id: idSchema }).strict()),
  'buildings.list': query<PagedResult<BuildingRow>>({ permission: 'buildings.read' })(
    z
      .object({
        filter: buildingFilterSchema.default({}),
        sort: sortSchema,
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      })
      .strict(),
  ),
  /** Starts a job writing the filtered rows as an .xlsx workbook with Chinese headers; its file is then downloaded. */
  'buildings.export': mutation<JobInfo>({ permission: 'buildings.read', invalidates: ['jobs'], job: true })(
    z.object({ filter: buildingFilterSchema.default({}), sort: sortSchema }).strict(),
  ),
  'buildings.households': query<HouseholdRow[]>({ permission: 'people.read' })(z.object({ id: idSchema }).strict()),
};
