import type { StreetOfficeInfo } from '../../electron/api/territory';
import type { Actor } from '../auth/roles';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/append';
import { ServiceError } from '../errors';
import { streetOffices } from '../schema';
import { insertRow, type Stamping } from '../sync/write';
import { officeOf } from './existing';

export interface NewOffice {
  name: string;
  code: string;
  city: string;
  district: string;
}

/**
 * 建立本街道: the street office a real installation starts from, with no communities yet. The map
 * centres on it once boundaries are imported (the centre is the communities' centre then).
 */
export function createOffice(ctx: Stamping, actor: Actor, office: NewOffice): string {
  const existing = officeOf(ctx.sqlite);
  if (existing) throw new ServiceError('CONFLICT', 'territory.officeExists', { name: existing.name });
  const { id } = insertRow(ctx, streetOffices, { ...office, centerLat: 0, centerLng: 0 });
  appendAudit(ctx.sqlite, { actor, action: 'territory.office', target: office.code, detail: { name: office.name, city: office.city, district: office.district } });
  return id;
}

export function officeInfo(ctx: ServiceContext): StreetOfficeInfo | null {
  const office = officeOf(ctx.sqlite);
  if (!office) return null;
  const count = (table: string) => ctx.sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get()!.n;
  return { ...office, communities: count('communities'), grids: count('grids'), buildings: count('buildings') };
}
