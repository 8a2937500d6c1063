import { z } from 'zod';
import { query } from './define';
import { idSchema, type ControlStatus } from './common';

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
  centroid: [number, number];
  heads: DutyHolder[];
  recentHistory: StatusChange[];
}

export const buildingMethods = {
  'buildings.get': query<BuildingDetail>()(z.object({ id: idSchema }).strict()),
};
